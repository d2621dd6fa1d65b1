import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_HEADER_BYTES, chunkSpan, IntegrityError, openRange, parseChunkHeader, sealedSize, sealingStream } from './chunked.ts';

const KEY = randomBytes(32);
const CONTEXT = Buffer.from('owner|messages|row|media');

/** Seals `plaintext`, fed in pieces of `piece` bytes, with `chunkBytes` chunks. */
async function seal(plaintext: Buffer, chunkBytes: number, piece = 1000, key = KEY): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let at = 0; at < plaintext.length; at += piece) pieces.push(plaintext.subarray(at, at + piece));
  const parts: Buffer[] = [];
  for await (const part of Readable.from(pieces).pipe(sealingStream(key, CONTEXT, chunkBytes))) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Opens bytes `start`..`end` of `sealed` the way a range read does: only the chunks the span names. */
async function open(sealed: Buffer, size: number, start: number, end: number, context = CONTEXT): Promise<Buffer> {
  const header = parseChunkHeader(sealed.subarray(0, CHUNK_HEADER_BYTES));
  const span = chunkSpan(header, size, start, end);
  const records = Readable.from([sealed.subarray(span.from, span.to + 1)]);
  const parts: Buffer[] = [];
  for await (const part of openRange(KEY, context, header, size, { start, end }, records)) parts.push(part);
  return Buffer.concat(parts);
}

describe('chunked sealing', () => {
  it('gives back exactly any range of anything sealed, whatever the chunk and piece sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 5000 }),
        fc.integer({ min: 1, max: 700 }),
        fc.integer({ min: 1, max: 900 }),
        fc.tuple(fc.nat(), fc.nat()),
        async (bytes, chunkBytes, piece, [a, b]) => {
          const plaintext = Buffer.from(bytes);
          const sealed = await seal(plaintext, chunkBytes, piece);
          expect(sealed.length).toBe(sealedSize(plaintext.length, chunkBytes));
          const [start, end] = [a % plaintext.length, b % plaintext.length].sort((x, y) => x - y) as [number, number];
          expect((await open(sealed, plaintext.length, start, end)).equals(plaintext.subarray(start, end + 1))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a swapped pair of chunks, a dropped last chunk, a flipped bit and another context', async () => {
    const plaintext = randomBytes(4 * 100);
    const sealed = await seal(plaintext, 100);
    const record = 100 + 16;
    const chunk = (i: number) => sealed.subarray(CHUNK_HEADER_BYTES + i * record, CHUNK_HEADER_BYTES + (i + 1) * record);
    const header = sealed.subarray(0, CHUNK_HEADER_BYTES);

    const swapped = Buffer.concat([header, chunk(1), chunk(0), chunk(2), chunk(3)]);
    await expect(open(swapped, 400, 0, 399)).rejects.toThrow(IntegrityError);
    // Three chunks claimed as the whole file: the third was not sealed as the final one.
    await expect(open(Buffer.concat([header, chunk(0), chunk(1), chunk(2)]), 300, 0, 299)).rejects.toThrow(IntegrityError);
    const flipped = Buffer.from(sealed);
    flipped[CHUNK_HEADER_BYTES + 2 * record + 7]! ^= 0x80;
    await expect(open(flipped, 400, 250, 260)).rejects.toThrow(IntegrityError);
    expect((await open(flipped, 400, 0, 199)).equals(plaintext.subarray(0, 200))).toBe(true);
    await expect(open(sealed, 400, 0, 10, Buffer.from('owner|messages|other-row|media'))).rejects.toThrow(IntegrityError);
  });

  it('seals the same bytes differently each time (a fresh salt and nonce prefix per file)', async () => {
    const plaintext = Buffer.alloc(300, 1);
    const [one, two] = [await seal(plaintext, 100), await seal(plaintext, 100)];
    expect(one.subarray(CHUNK_HEADER_BYTES).equals(two.subarray(CHUNK_HEADER_BYTES))).toBe(false);
    expect(one.subarray(0, 8).equals(two.subarray(0, 8))).toBe(true);
  });
});
