import { randomBytes } from 'node:crypto';
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
