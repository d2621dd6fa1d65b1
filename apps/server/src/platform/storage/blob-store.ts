import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where media lives: local files by default; an S3-compatible store in production. */
export interface BlobStore {
  put(bytes: Buffer, contentType: string): Promise<string>;
  get(key: string): Promise<{ bytes: Buffer; contentType: string } | null>;
  delete(key: string): Promise<void>;
}

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
  return {
    async put(bytes, contentType) {
      const extension = extensions[contentType];
      if (!extension) throw new Error(`Unsupported blob type ${contentType}`);
      const key = `${randomUUID()}.${extension}`;
      await fs.mkdir(path.dirname(fileFor(key)), { recursive: true });
      // Write then rename: a crash never leaves a half-written blob under its key.
      const temporary = `${fileFor(key)}.partial`;
      await fs.writeFile(temporary, bytes, { mode: 0o600 });
      await fs.rename(temporary, fileFor(key));
      return key;
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
    async delete(key) {
      await fs.rm(fileFor(key), { force: true });
    },
  };
}
