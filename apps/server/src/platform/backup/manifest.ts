import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';

export const MANIFEST = 'manifest.json';
export const KEY_FILE = 'master.key';
const FORMAT = 'haven-backup/1';

/** The tables whose row counts a restore checks against what the backup held. */
export const COUNTED_TABLES = ['users', 'data_keys', 'messages', 'audit_events'] as const;

const BackupFile = z.strictObject({
  path: z.string().regex(/^(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]+$/),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupFile = z.infer<typeof BackupFile>;

export const Manifest = z.strictObject({
  format: z.literal(FORMAT),
  createdAt: z.iso.datetime(),
  havenVersion: z.string(),
  database: z.strictObject({
    kind: z.enum(['pglite', 'postgres']),
    /** The PostgreSQL schema the dump holds (its objects are named with it). */
    schema: z.string().nullable(),
    /** The last migration applied: a restore refuses a backup newer than its code. */
    migration: z.string(),
    counts: z.record(z.string(), z.number().int().min(0)),
  }),
  files: z.array(BackupFile),
  /** One-way fingerprints of the master key versions the data needs; the keys themselves are stored apart. */
  keys: z.strictObject({ file: z.literal(KEY_FILE), fingerprints: z.record(z.string(), z.string()) }),
});
export type Manifest = z.infer<typeof Manifest>;

export const manifestOf = (fields: Omit<Manifest, 'format'>): Manifest => ({ format: FORMAT, ...fields });

/** A refusal the command prints as it is, and exits non-zero. */
export class BackupError extends Error {}

/** Copies `from` to `to` (mode 0600), returning the copy's size and SHA-256, computed as it streams. */
export async function copyWithChecksum(from: string, to: string): Promise<{ bytes: number; sha256: string }> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(from), tap, createWriteStream(to, { mode: 0o600, flags: 'wx' }));
  return { bytes, sha256: hash.digest('hex') };
}

export async function checksumOf(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Every file under `root`, as paths relative to it, sorted; a write still in progress (`.partial`) is skipped. */
export async function filesUnder(root: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.partial'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** True when `dir` is missing or holds nothing. */
export async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/**
 * Reads a backup's manifest and checks every file it lists, before anything is written: a
 * missing, truncated or altered file is named, and nothing is restored.
 */
export async function verifiedManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, MANIFEST), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new BackupError(`${dir} is not a complete Haven backup: it has no ${MANIFEST} (a backup writes it last).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BackupError(`The backup's ${MANIFEST} is corrupt (not JSON); nothing was restored.`);
  }
  const manifest = Manifest.safeParse(parsed);
  if (!manifest.success) {
    throw new BackupError(`The backup's ${MANIFEST} is not one Haven wrote (${manifest.error.issues[0]?.message}); nothing was restored.`);
  }
  for (const file of manifest.data.files) {
    const actual = await checksumOf(path.join(dir, file.path)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new BackupError(`The backup is missing ${file.path}; nothing was restored.`);
      throw error;
    });
    if (actual.bytes !== file.bytes || actual.sha256 !== file.sha256) {
      throw new BackupError(`The backup is corrupt: ${file.path} does not match its checksum in ${MANIFEST}; nothing was restored.`);
    }
  }
  return manifest.data;
}

/** Checks that `fingerprints` (of the key file offered) hold every version the backup needs, unchanged. */
export function checkKeys(manifest: Manifest, fingerprints: Record<string, string> | null, keyFile: string): void {
  if (!fingerprints) {
    throw new BackupError(`No master key file at ${keyFile}: the backup's data cannot be read without it; nothing was restored.`);
  }
  for (const [version, fingerprint] of Object.entries(manifest.keys.fingerprints)) {
    if (fingerprints[version] !== fingerprint) {
      throw new BackupError(
        `${keyFile} is not the key file of this backup: master key version ${version} ${fingerprints[version] ? 'differs' : 'is missing'}; nothing was restored.`,
      );
    }
  }
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await fs.writeFile(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
}
