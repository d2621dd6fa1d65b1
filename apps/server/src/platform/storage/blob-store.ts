import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * A blob being written as it streams: bytes go to `stream`; `commit` (after the stream finished)
 * puts them under their key, `abort` throws them away. Until commit nothing exists under the key.
 */
export type BlobWriter = { stream: Writable; commit(): Promise<string>; abort(): Promise<void> };

/** Where media lives: local files by default; an S3-compatible store in production. */
export interface BlobStore {
  put(bytes: Buffer, contentType: string): Promise<string>;
  /** A blob written as it streams, never held whole. */
  writer(contentType: string): Promise<BlobWriter>;
  get(key: string): Promise<{ bytes: Buffer; contentType: string } | null>;
  /** Bytes `start`..`end` (inclusive) of a blob as a stream; null when there is no such blob. */
  read(key: string, range: { start: number; end: number }): Promise<Readable | null>;
  delete(key: string): Promise<void>;
  /** Small named records kept beside the blobs (the audit chain's checkpoints): `prefix/name`. */
  putRecord(name: string, bytes: Buffer): Promise<void>;
  getRecord(name: string): Promise<Buffer | null>;
  /** The names (`prefix/name`) under `prefix`, sorted. */
  listRecords(prefix: string): Promise<string[]>;
}

const RECORD = /^[a-z][a-z0-9-]*\/[A-Za-z0-9._-]+$/;
const PREFIX = /^[a-z][a-z0-9-]*$/;

const KEY = /^[0-9a-f-]{36}\.(webp|png|jpeg|pdf|webm|ogg|mp4|sealed)$/;
const extensions: Record<string, string> = {
  'image/webp': 'webp',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  // Sealed (encrypted) bytes: their real type is kept, sealed, beside the key.
  'application/octet-stream': 'sealed',
};
const typesByExtension = Object.fromEntries(Object.entries(extensions).map(([type, ext]) => [ext, type]));

export function localBlobStore(root: string): BlobStore {
  const fileFor = (key: string) => {
    if (!KEY.test(key)) throw new Error(`Not a blob key: ${key}`);
    return path.join(root, key.slice(0, 2), key);
  };
  const newKey = (contentType: string) => {
    const extension = extensions[contentType];
    if (!extension) throw new Error(`Unsupported blob type ${contentType}`);
    return `${randomUUID()}.${extension}`;
  };
  return {
    async put(bytes, contentType) {
      const key = newKey(contentType);
      await fs.mkdir(path.dirname(fileFor(key)), { recursive: true });
      // Write then rename: a crash never leaves a half-written blob under its key.
      const temporary = `${fileFor(key)}.partial`;
      await fs.writeFile(temporary, bytes, { mode: 0o600 });
      await fs.rename(temporary, fileFor(key));
      return key;
    },
    async writer(contentType) {
      const key = newKey(contentType);
      // Written beside its key then renamed: a crash or an abort never leaves a partial blob under it.
      const temporary = `${fileFor(key)}.partial`;
      await fs.mkdir(path.dirname(temporary), { recursive: true });
      const file = createWriteStream(temporary, { mode: 0o600, flags: 'wx' });
      return {
        stream: file,
        async commit() {
          await fs.rename(temporary, fileFor(key));
          return key;
        },
        async abort() {
          // Closed first: a file still being opened must not reappear after it is removed.
          if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()).destroy());
          await fs.rm(temporary, { force: true });
        },
      };
    },
    async get(key) {
      try {
        const bytes = await fs.readFile(fileFor(key));
        return { bytes, contentType: typesByExtension[key.split('.').pop()!] ?? 'application/octet-stream' };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async read(key, range) {
      let handle: fs.FileHandle;
      try {
        handle = await fs.open(fileFor(key), 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      return handle.createReadStream({ start: range.start, end: range.end, highWaterMark: 64 * 1024 + 16 });
    },
    async delete(key) {
      await fs.rm(fileFor(key), { force: true });
    },
    async putRecord(name, bytes) {
      const file = recordFile(name);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(`${file}.partial`, bytes, { mode: 0o600 });
      await fs.rename(`${file}.partial`, file);
    },
    async getRecord(name) {
      try {
        return await fs.readFile(recordFile(name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async listRecords(prefix) {
      if (!PREFIX.test(prefix)) throw new Error(`Not a record prefix: ${prefix}`);
      try {
        const names = await fs.readdir(path.join(root, 'records', prefix));
        return names
          .filter((name) => !name.endsWith('.partial'))
          .sort()
          .map((name) => `${prefix}/${name}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
  };

  function recordFile(name: string): string {
    if (!RECORD.test(name)) throw new Error(`Not a record name: ${name}`);
    return path.join(root, 'records', name);
  }
}
