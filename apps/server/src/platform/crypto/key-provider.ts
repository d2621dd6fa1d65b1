import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Holds the master keys that wrap each client's data key. The local provider keeps them
 * in a 0600 file in the data dir; a cloud KMS implements the same three methods.
 */
export interface KeyProvider {
  currentVersion(): number;
  masterKey(version: number): Buffer;
  /** Adds a new master key version and makes it current; returns its number. */
  addVersion(): Promise<number>;
}

type KeyFile = { current: number; keys: Record<string, string> };

export async function localKeyProvider(file: string): Promise<KeyProvider> {
  let state = await readOrCreate(file);
  return {
    currentVersion: () => state.current,
    masterKey(version) {
      const key = state.keys[String(version)];
      if (!key) throw new Error(`Master key version ${version} is not in ${file}.`);
      return Buffer.from(key, 'base64');
    },
    async addVersion() {
      const next = Math.max(...Object.keys(state.keys).map(Number)) + 1;
      state = { current: next, keys: { ...state.keys, [next]: randomBytes(32).toString('base64') } };
      await writeKeyFile(file, state);
      return next;
    },
  };
}

/**
 * A short, one-way fingerprint of each master key version in a local key file (null when there is
 * no file): what a backup's manifest records, so a restore can tell the right keys from wrong ones
 * without the manifest holding any key.
 */
export async function masterKeyFingerprints(file: string): Promise<Record<string, string> | null> {
  let state: KeyFile;
  try {
    state = JSON.parse(await fs.readFile(file, 'utf8')) as KeyFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`${file} is not a Haven master key file.`, { cause: error });
  }
  if (!state || typeof state.keys !== 'object' || state.keys === null) throw new Error(`${file} is not a Haven master key file.`);
  return Object.fromEntries(
    Object.entries(state.keys).map(([version, key]) => [
      version,
      createHash('sha256').update('haven master key fingerprint v1\0').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32),
    ]),
  );
}

async function readOrCreate(file: string): Promise<KeyFile> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as KeyFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const created: KeyFile = { current: 1, keys: { 1: randomBytes(32).toString('base64') } };
    await writeKeyFile(file, created);
    return created;
  }
}

async function writeKeyFile(file: string, state: KeyFile): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.partial`;
  await fs.writeFile(temporary, JSON.stringify(state), { mode: 0o600 });
  await fs.rename(temporary, file);
}
