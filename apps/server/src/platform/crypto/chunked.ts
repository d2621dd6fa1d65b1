// Chunked authenticated encryption for media (the "hvc1" format): a file is sealed as it streams
// in and read back one chunk at a time, so neither an upload nor a range read ever holds the
// whole file. Layout:
//
//   header  = "hvc1" ‖ chunk size (u32 BE) ‖ salt (16) ‖ nonce prefix (7)          31 bytes
//   chunk i = AES-256-GCM(file key, nonce = prefix ‖ i (u32 BE) ‖ final (u8),
//                         aad = context ‖ header ‖ i ‖ final) ‖ tag (16)
//
// The file key is HKDF-SHA256 of the owner's data key with the file's own random salt, so nonces
// never repeat across files under one data key. Every chunk's index and final flag are in both its
// nonce and its AAD: chunks cannot be reordered, dropped, or the file cut short at a chunk boundary
// without the read failing. Only the last chunk may be shorter than the chunk size.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Transform } from 'node:stream';

const MAGIC = Buffer.from('hvc1', 'latin1');
export const CHUNK_HEADER_BYTES = 31;
export const DEFAULT_CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;

export class IntegrityError extends Error {}

export type ChunkHeader = { chunkBytes: number; salt: Buffer; noncePrefix: Buffer; raw: Buffer };

function newHeader(chunkBytes: number): ChunkHeader {
  const raw = Buffer.alloc(CHUNK_HEADER_BYTES);
  MAGIC.copy(raw, 0);
  raw.writeUInt32BE(chunkBytes, 4);
  const salt = randomBytes(16);
  const noncePrefix = randomBytes(7);
  salt.copy(raw, 8);
  noncePrefix.copy(raw, 24);
  return { chunkBytes, salt, noncePrefix, raw };
}

export function parseChunkHeader(raw: Buffer): ChunkHeader {
  if (raw.length !== CHUNK_HEADER_BYTES || !raw.subarray(0, 4).equals(MAGIC)) throw new IntegrityError('Not a chunked sealed file.');
  const chunkBytes = raw.readUInt32BE(4);
  if (chunkBytes < 1 || chunkBytes > 2 ** 24) throw new IntegrityError('A chunked sealed file has an impossible chunk size.');
  return { chunkBytes, salt: raw.subarray(8, 24), noncePrefix: raw.subarray(24, 31), raw };
}

const fileKey = (dataKey: Buffer, header: ChunkHeader, context: Buffer) =>
  Buffer.from(hkdfSync('sha256', dataKey, header.salt, Buffer.concat([Buffer.from('hvc1|'), context]), 32));

function position(index: number, final: boolean): Buffer {
  const bytes = Buffer.alloc(5);
  bytes.writeUInt32BE(index, 0);
  bytes[4] = final ? 1 : 0;
  return bytes;
}

function sealChunk(key: Buffer, header: ChunkHeader, context: Buffer, index: number, final: boolean, plaintext: Buffer): Buffer {
  const at = position(index, final);
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.concat([header.noncePrefix, at]));
  cipher.setAAD(Buffer.concat([context, header.raw, at]));
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

function openChunk(key: Buffer, header: ChunkHeader, context: Buffer, index: number, final: boolean, record: Buffer): Buffer {
  const at = position(index, final);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.concat([header.noncePrefix, at]));
    decipher.setAAD(Buffer.concat([context, header.raw, at]));
    decipher.setAuthTag(record.subarray(record.length - TAG_BYTES));
    return Buffer.concat([decipher.update(record.subarray(0, record.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new IntegrityError(`Chunk ${index} of a sealed file failed its integrity check.`);
  }
}

/** A transform from plaintext to the sealed file: header first, then one record per chunk. */
export function sealingStream(dataKey: Buffer, context: Buffer, chunkBytes = DEFAULT_CHUNK_BYTES): Transform {
  const header = newHeader(chunkBytes);
  const key = fileKey(dataKey, header, context);
  const pending = Buffer.allocUnsafe(chunkBytes);
  let filled = 0;
  let index = 0;
  let started = false;
  const start = (stream: Transform) => {
    if (!started) stream.push(header.raw);
    started = true;
  };
  return new Transform({
    transform(data: Buffer, _encoding, done) {
      start(this);
      let offset = 0;
      while (offset < data.length) {
        // A full chunk is sealed only once more bytes arrive: until then it may be the final one.
        if (filled === chunkBytes) {
          this.push(sealChunk(key, header, context, index, false, pending));
          index += 1;
          filled = 0;
        }
        const taken = data.copy(pending, filled, offset, Math.min(data.length, offset + chunkBytes - filled));
        filled += taken;
        offset += taken;
      }
      done();
    },
    flush(done) {
      start(this);
      this.push(sealChunk(key, header, context, index, true, pending.subarray(0, filled)));
      done();
    },
  });
}

/** Which chunks of a file of `size` plaintext bytes hold bytes `start`..`end`, and where they are sealed. */
export function chunkSpan(header: ChunkHeader, size: number, start: number, end: number) {
  const { chunkBytes } = header;
  const count = Math.max(1, Math.ceil(size / chunkBytes));
  const first = Math.floor(start / chunkBytes);
  const last = Math.min(count - 1, Math.floor(end / chunkBytes));
  const record = chunkBytes + TAG_BYTES;
  const lastLength = size - (count - 1) * chunkBytes + TAG_BYTES;
  return {
    count,
    first,
    last,
    /** Byte offsets in the sealed file, inclusive. */
    from: CHUNK_HEADER_BYTES + first * record,
    to: CHUNK_HEADER_BYTES + last * record + (last === count - 1 ? lastLength : record) - 1,
  };
}

/** The sealed file's size for `size` plaintext bytes. */
export function sealedSize(size: number, chunkBytes = DEFAULT_CHUNK_BYTES): number {
  return CHUNK_HEADER_BYTES + size + Math.max(1, Math.ceil(size / chunkBytes)) * TAG_BYTES;
}

/**
 * Plaintext bytes `start`..`end` (inclusive) of a file of `size` bytes, from `records`: the sealed
 * bytes of exactly the chunks chunkSpan names. Each chunk is checked before any of its bytes are
 * given out; a missing or altered chunk throws IntegrityError.
 */
export async function* openRange(
  dataKey: Buffer,
  context: Buffer,
  header: ChunkHeader,
  size: number,
  range: { start: number; end: number },
  records: AsyncIterable<Buffer>,
): AsyncGenerator<Buffer> {
  const span = chunkSpan(header, size, range.start, range.end);
  const key = fileKey(dataKey, header, context);
  const recordBytes = header.chunkBytes + TAG_BYTES;
  let index = span.first;
  let parts: Buffer[] = [];
  let held = 0;
  const expected = (i: number) => (i === span.count - 1 ? size - (span.count - 1) * header.chunkBytes + TAG_BYTES : recordBytes);
  const emit = (record: Buffer) => {
    const final = index === span.count - 1;
    const plain = openChunk(key, header, context, index, final, record);
    const base = index * header.chunkBytes;
    index += 1;
    return plain.subarray(Math.max(0, range.start - base), Math.min(plain.length, range.end - base + 1));
  };
  for await (const data of records) {
    parts.push(data);
    held += data.length;
    while (index <= span.last && held >= expected(index)) {
      const joined = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      const need = expected(index);
      const out = emit(joined.subarray(0, need));
      parts = joined.length > need ? [joined.subarray(need)] : [];
      held -= need;
      if (out.length > 0) yield out;
    }
  }
  if (index <= span.last || held > 0) throw new IntegrityError('A sealed file is shorter or longer than its record says.');
}
