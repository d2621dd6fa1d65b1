import v8 from 'node:v8';
import vm from 'node:vm';
// Uploads over a real socket, streamed from generators as a browser streams a recording, and the
// files they leave in the blob store.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type UploadAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * POSTs `body` to the room's uploads over HTTP, as it is generated (never gathered first).
 * Without `contentLength` the body goes chunked, so only streaming can refuse it.
 */
export function streamUpload(
  baseUrl: string,
  cookie: string,
  roomId: string,
  query: Record<string, string>,
  contentType: string,
  body: AsyncIterable<Buffer> | Iterable<Buffer>,
  contentLength?: number,
): Promise<UploadAnswer> {
  const url = new URL(`/api/rooms/${roomId}/uploads?${new URLSearchParams(query).toString()}`, baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: { cookie, 'content-type': contentType, ...(contentLength === undefined ? {} : { 'content-length': String(contentLength) }) },
    });
    request.once('response', (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.once('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(parts).toString() }),
      );
      response.once('error', reject);
    });
    // A server that refuses early closes the connection while the body is still going: the answer is what counts.
    pipeline(Readable.from(body), request).catch((error: NodeJS.ErrnoException) => {
      if (!['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_PREMATURE_CLOSE'].includes(error.code ?? '')) reject(error);
    });
    request.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') reject(error);
    });
  });
}

/**
 * A deterministic recording of `bytes` bytes in 64 KiB pieces, starting with a WebM signature:
 * piece `i` is one random block with `i` stamped in it. `slice` gives any bytes of it back.
 */
export function aRecording(bytes: number) {
  const piece = 64 * 1024;
  const block = randomBytes(piece);
  const pieceAt = (i: number) => {
    const out = Buffer.from(block);
    out.writeUInt32BE(i, 8);
    if (i === 0) Buffer.from([0x1a, 0x45, 0xdf, 0xa3]).copy(out, 0);
    return out.subarray(0, Math.min(piece, bytes - i * piece));
  };
  const pieces = Math.ceil(bytes / piece);
  return {
    bytes,
    *pieces(): Generator<Buffer> {
      for (let i = 0; i < pieces; i += 1) yield pieceAt(i);
    },
    sha256(): string {
      const hash = createHash('sha256');
      for (let i = 0; i < pieces; i += 1) hash.update(pieceAt(i));
      return hash.digest('hex');
    },
    slice(start: number, end: number): Buffer {
      const parts: Buffer[] = [];
      for (let i = Math.floor(start / piece); i * piece <= end && i < pieces; i += 1) parts.push(pieceAt(i));
      const first = Math.floor(start / piece) * piece;
      return Buffer.concat(parts).subarray(start - first, end - first + 1);
    },
  };
}

/** Every file under the blob store, with `.partial` ones (uploads in progress) among them. */
export async function blobFiles(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, 'blobs');
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** The path of a stored blob. */
export const blobPath = (dataDir: string, key: string) => path.join(dataDir, 'blobs', key.slice(0, 2), key);

/** Samples this process's resident memory until stopped: the most it grew above where it started. */
// Garbage the collector has not yet run for is not memory held: collect now and then while sampling,
// so the peak is closer to what the process keeps alive (Node 24 collects later than Node 20).
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

export function sampleRss(everyMs = 5, collectEveryMs = 250) {
  collect();
  const start = process.memoryUsage().rss;
  let peak = start;
  let collected = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - collected >= collectEveryMs) {
      collect();
      collected = Date.now();
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return peak - start;
    },
  };
}
