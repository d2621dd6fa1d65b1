import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';
import { masterKeyFingerprints } from '../crypto/key-provider.ts';
import { knownMigrations } from '../db/migrator.ts';
import { DATABASE_FILE, type BackupPlace } from './backup.ts';
import { BackupError, checkKeys, isEmptyDir, KEY_FILE, verifiedManifest, type Manifest } from './manifest.ts';
import { restorePglite } from './pglite-dump.ts';
import { postgresTargetIsEmpty, restorePostgres, type DatabaseState } from './postgres-dump.ts';

export type RestoreOptions = BackupPlace & { force: boolean };

/**
 * Restores a backup into the configured database, blob store and key file. Everything is checked
 * first (checksums, database kind and schema, migration level, keys, an empty target unless
 * `force`); only then is anything written. A restored database is counted against the manifest.
 */
export async function restoreBackup(config: Config, blobRoot: string, options: RestoreOptions): Promise<Manifest> {
  const manifest = await verifiedManifest(options.dir);
  await refuseMismatch(config, manifest);
  const keyFile = path.join(options.keysDir, KEY_FILE);
  checkKeys(manifest, await masterKeyFingerprints(keyFile), keyFile);
  const keyOnTarget = await keyFileState(config.masterKeyFile, manifest);
  if (!options.force) await refuseNonEmpty(config, blobRoot, keyOnTarget);

  const state = await restoreDatabase(config, path.join(options.dir, DATABASE_FILE[manifest.database.kind]), options.force);
  for (const [table, count] of Object.entries(manifest.database.counts)) {
    if (state.counts[table] !== count) {
      throw new BackupError(`The restored database holds ${state.counts[table]} ${table} row(s), the backup ${count}: restore it again.`);
    }
  }
  await replaceDir(path.join(options.dir, 'blobs'), blobRoot);
  if (keyOnTarget === 'other') await fs.rename(config.masterKeyFile, `${config.masterKeyFile}.before-restore-${Date.now()}`);
  if (keyOnTarget !== 'same') {
    await fs.mkdir(path.dirname(config.masterKeyFile), { recursive: true, mode: 0o700 });
    await fs.copyFile(keyFile, `${config.masterKeyFile}.partial`);
    await fs.chmod(`${config.masterKeyFile}.partial`, 0o600);
    await fs.rename(`${config.masterKeyFile}.partial`, config.masterKeyFile);
  }
  return manifest;
}

async function refuseMismatch(config: Config, manifest: Manifest): Promise<void> {
  const { kind, schema, migration } = manifest.database;
  if (kind !== config.database.kind) {
    throw new BackupError(
      kind === 'pglite'
        ? 'This backup is of an embedded database: restore it with DATABASE_URL unset.'
        : 'This backup is of a PostgreSQL database: restore it with DATABASE_URL set.',
    );
  }
  if (config.database.kind === 'postgres' && schema !== config.database.schema) {
    throw new BackupError(`This backup holds schema ${schema}; DATABASE_SCHEMA is ${config.database.schema}. Set it to ${schema}.`);
  }
  if (!(await knownMigrations()).includes(migration)) {
    throw new BackupError(
      `This backup was made by a newer Haven (${manifest.havenVersion}, migration ${migration}): restore it with that version.`,
    );
  }
}

/** Whether the configured key file is absent, already the backup's, or another one. */
async function keyFileState(file: string, manifest: Manifest): Promise<'absent' | 'same' | 'other'> {
  const fingerprints = await masterKeyFingerprints(file);
  if (!fingerprints) return 'absent';
  const wanted = manifest.keys.fingerprints;
  const same =
    Object.keys(fingerprints).length === Object.keys(wanted).length && Object.entries(wanted).every(([v, f]) => fingerprints[v] === f);
  return same ? 'same' : 'other';
}

async function refuseNonEmpty(config: Config, blobRoot: string, keyOnTarget: 'absent' | 'same' | 'other'): Promise<void> {
  const options = config.database;
  const databaseEmpty =
    options.kind === 'postgres' ? await postgresTargetIsEmpty(options.url, options.schema) : await isEmptyDir(options.dir ?? '');
  const where = options.kind === 'postgres' ? `schema ${options.schema}` : options.dir;
  const refuse = (what: string) => {
    throw new BackupError(`${what} is not empty: restore never overwrites Haven's data unless told to (--force).`);
  };
  if (!databaseEmpty) refuse(`The database (${where})`);
  if (!(await isEmptyDir(blobRoot))) refuse(`The blob store (${blobRoot})`);
  if (keyOnTarget === 'other') refuse(`The master key file (${config.masterKeyFile}) holds other keys, so it`);
}

async function restoreDatabase(config: Config, file: string, replace: boolean): Promise<DatabaseState> {
  const options = config.database;
  if (options.kind === 'postgres') return restorePostgres(options.url, options.schema, file, replace);
  if (!options.dir) throw new BackupError('Restore needs an embedded database on disk.');
  const staging = `${options.dir}.restoring`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(path.dirname(staging), { recursive: true });
  const state = await restorePglite(file, staging);
  await fs.rm(options.dir, { recursive: true, force: true });
  await fs.rename(staging, options.dir);
  return state;
}

/** Copies `from` beside `to`, then swaps it in: a failed copy leaves `to` as it was. */
async function replaceDir(from: string, to: string): Promise<void> {
  const staging = `${to}.restoring`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(path.dirname(to), { recursive: true });
  if (await fs.stat(from).catch(() => null)) await fs.cp(from, staging, { recursive: true });
  else await fs.mkdir(staging);
  await fs.rm(to, { recursive: true, force: true });
  await fs.rename(staging, to);
}
