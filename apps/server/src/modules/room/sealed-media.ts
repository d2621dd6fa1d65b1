// A room's recordings and files on disk: sealed as they stream in (never held whole), read back
// one range at a time. Blobs stored before chunked sealing (`whole`) are still read, whole.
import { Readable, Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CHUNK_HEADER_BYTES, chunkSpan, parseChunkHeader } from '../../platform/crypto/chunked.ts';
import type { SealContext, Sealer } from '../../platform/crypto/envelope.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { BlobStore } from '../../platform/storage/blob-store.ts';

type Deps = { sealer: Sealer; blobs: BlobStore };
export type MediaFormat = 'whole' | 'chunked';

export const mediaContext = (messageId: string): SealContext => ({ table: 'messages', row: messageId, field: 'media' });

/**
 * Streams `body` through `checks` and the sealer into a new blob, committed only when every byte
 * arrived and passed; on any failure (a refusal, an aborted request) nothing is left behind.
 */
export async function storeSealed(deps: Deps, ownerId: string, messageId: string, body: Readable, checks: Transform): Promise<string> {
  const sealing = await deps.sealer.sealingStream(ownerId, mediaContext(messageId));
  const writer = await deps.blobs.writer('application/octet-stream');
  try {
    await pipeline(body, checks, sealing, writer.stream);
    return await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** Reads a body to its end, keeping nothing: how many bytes it had. */
export async function measure(body: Readable): Promise<number> {
  let size = 0;
  await pipeline(body, new Writable({ write: (chunk: Buffer, _encoding, done) => ((size += chunk.length), done()) }));
  return size;
}

const gone = () => new AppError('not_found', 'That recording or file is no longer available.');

async function collect(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/**
 * Plaintext bytes `start`..`end` of a stored file. A chunked file is read and checked only for
 * the chunks the range touches; the first of them is checked before this returns, so a file that
 * fails at once is an error before any byte is sent, and a later bad chunk ends the stream.
 */
export async function openSealed(
  deps: Deps,
  ownerId: string,
  file: { messageId: string; blobKey: string; format: MediaFormat; size: number },
  range: { start: number; end: number },
): Promise<Readable> {
  const context = mediaContext(file.messageId);
  if (file.format === 'whole') {
    const blob = await deps.blobs.get(file.blobKey);
    if (!blob) throw gone();
    const bytes = await deps.sealer.openBytes(ownerId, blob.bytes, context);
    return Readable.from([bytes.subarray(range.start, range.end + 1)]);
  }
  const head = await deps.blobs.read(file.blobKey, { start: 0, end: CHUNK_HEADER_BYTES - 1 });
  if (!head) throw gone();
  const header = parseChunkHeader(await collect(head));
  const span = chunkSpan(header, file.size, range.start, range.end);
  const records = await deps.blobs.read(file.blobKey, { start: span.from, end: span.to });
  if (!records) throw gone();
  const plaintext = await deps.sealer.openRange(ownerId, context, { header, size: file.size }, range, records);
  try {
    const first = await plaintext.next();
    return Readable.from(
      (async function* () {
        if (!first.done) yield first.value;
        yield* plaintext;
      })(),
    );
  } catch (error) {
    records.destroy();
    throw error;
  }
}
