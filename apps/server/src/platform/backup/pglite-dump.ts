import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { BackupError, COUNTED_TABLES } from './manifest.ts';
import type { DatabaseState } from './postgres-dump.ts';

async function stateOf(pglite: PGlite): Promise<DatabaseState> {
  const migration = await pglite.query<{ name: string | null }>('SELECT max(name) AS name FROM schema_migrations');
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    counts[table] = Number((await pglite.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n);
  }
  return { migration: migration.rows[0]?.name ?? '', counts };
}

/**
 * The embedded database belongs to one process at a time: while Haven runs (or after it was
 * killed, until its next start) PGlite's postmaster.pid is there, and a copy could be torn.
 */
async function refuseIfOpen(dir: string): Promise<void> {
  const pid = await fs.stat(path.join(dir, 'postmaster.pid')).catch(() => null);
  if (pid) {
    throw new BackupError(
      `The embedded database in ${dir} is open (postmaster.pid is there): stop Haven first. If it is not running (it was killed), start and stop it once.`,
    );
  }
}

/** A consistent copy of the embedded data dir: PGlite's own tarball of it (gzip), taken with nothing else open. */
export async function dumpPglite(dir: string, file: string): Promise<DatabaseState> {
  const exists = await fs.stat(path.join(dir, 'PG_VERSION')).catch(() => null);
  if (!exists) throw new BackupError(`There is no embedded database in ${dir}: nothing to back up.`);
  await refuseIfOpen(dir);
  const pglite = await PGlite.create(dir);
  try {
    const state = await stateOf(pglite);
    const tarball = await pglite.dumpDataDir('gzip');
    await fs.writeFile(file, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600, flag: 'wx' });
    return state;
  } finally {
    await pglite.close();
  }
}

/** Unpacks the tarball into `dir` (which must not exist), opening it once to read its state. */
export async function restorePglite(file: string, dir: string): Promise<DatabaseState> {
  const tarball = new Blob([await fs.readFile(file)]);
  const pglite = await PGlite.create(dir, { loadDataDir: tarball });
  try {
    return await stateOf(pglite);
  } finally {
    await pglite.close();
  }
}
