import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';
import { masterKeyFingerprints } from '../crypto/key-provider.ts';
import {
  BackupError,
  checksumOf,
  copyWithChecksum,
  filesUnder,
  isEmptyDir,
  KEY_FILE,
  MANIFEST,
  manifestOf,
  writeJson,
  type BackupFile,
} from './manifest.ts';
import { dumpPglite } from './pglite-dump.ts';
import { dumpPostgres, type DatabaseState } from './postgres-dump.ts';

export type BackupPlace = { dir: string; keysDir: string };
export type BackupSummary = { files: number; bytes: number; keyBytes: number; migration: string; counts: Record<string, number> };

/** The blob store's small records (the audit chain's checkpoints) sit under this folder of its root. */
const RECORDS = 'records';
export const DATABASE_FILE = { pglite: 'database.tar.gz', postgres: 'database.pgdump' } as const;

/** The running version, recorded in the manifest. */
export async function havenVersion(): Promise<string> {
  const file = new URL('../../../package.json', import.meta.url);
  return (JSON.parse(await fs.readFile(file, 'utf8')) as { version: string }).version;
}

/**
 * Writes a backup of the database, the blob store and (to `keysDir`, which may be kept apart)
 * the master key file. The order makes a backup of a running PostgreSQL Haven consistent:
 * audit checkpoints are copied before the dump (so none names a row the dump lacks), media after
 * it (blobs are written before the row that names them commits, so every one the dump names is
 * there). The manifest is written last: a backup without one is incomplete.
 */
export async function createBackup(config: Config, blobRoot: string, place: BackupPlace): Promise<BackupSummary> {
  if (!(await isEmptyDir(place.dir))) throw new BackupError(`${place.dir} is not empty: a backup never overwrites another.`);
  const fingerprints = await masterKeyFingerprints(config.masterKeyFile);
  if (!fingerprints) throw new BackupError(`There is no master key file at ${config.masterKeyFile}: nothing to back up.`);
  const keyCopy = path.join(place.keysDir, KEY_FILE);
  if (await fs.stat(keyCopy).catch(() => null)) throw new BackupError(`${keyCopy} already exists: a backup never overwrites keys.`);
  await fs.mkdir(place.dir, { recursive: true, mode: 0o700 });
  const files: BackupFile[] = [];
  const copy = async (relative: string) => {
    const target = path.join('blobs', relative);
    files.push({ path: target, ...(await copyWithChecksum(path.join(blobRoot, relative), path.join(place.dir, target))) });
  };

  const blobs = await filesUnder(blobRoot);
  const isRecord = (relative: string) => relative.startsWith(`${RECORDS}${path.sep}`);
  for (const relative of blobs.filter(isRecord)) await copy(relative);
  const database = await dumpDatabase(config, place.dir);
  files.push(database.file);
  for (const relative of (await filesUnder(blobRoot)).filter((relative) => !isRecord(relative))) await copy(relative);

  await fs.mkdir(place.keysDir, { recursive: true, mode: 0o700 });
  const key = await copyWithChecksum(config.masterKeyFile, keyCopy);
  await writeJson(
    path.join(place.dir, MANIFEST),
    manifestOf({
      createdAt: new Date().toISOString(),
      havenVersion: await havenVersion(),
      database: {
        kind: config.database.kind,
        schema: config.database.kind === 'postgres' ? config.database.schema : null,
        ...database.state,
      },
      files,
      keys: { file: KEY_FILE, fingerprints },
    }),
  );
  return {
    files: files.length,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    keyBytes: key.bytes,
    ...database.state,
  };
}

async function dumpDatabase(config: Config, dir: string): Promise<{ state: DatabaseState; file: BackupFile }> {
  const options = config.database;
  const name = DATABASE_FILE[options.kind];
  const target = path.join(dir, name);
  let state: DatabaseState;
  if (options.kind === 'postgres') {
    state = await dumpPostgres(options.url, options.schema, target);
  } else {
    if (!options.dir) throw new BackupError('An in-memory database cannot be backed up.');
    state = await dumpPglite(options.dir, target);
  }
  return { state, file: { path: name, ...(await checksumOf(target)) } };
}
