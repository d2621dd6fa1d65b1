import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// An arbitrary constant: every Haven instance takes the same advisory lock to migrate.
const MIGRATION_LOCK = 7_240_401;

/** The migrations this version of Haven knows, in order. */
export async function knownMigrations(): Promise<string[]> {
  return (await fs.readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
}

/**
 * Applies every `migrations/NNNN_name.sql` not yet recorded, in name order, each in
 * its own transaction. Safe to run from several instances at once.
 */
export async function migrate(database: Database): Promise<string[]> {
  const files = await knownMigrations();
  const session = await database.openScriptSession();
  const applied: string[] = [];
  try {
    await session.run(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    await session.run(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         name text PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = new Set((await session.rows<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    for (const file of files) {
      if (done.has(file)) continue;
      const script = await fs.readFile(path.join(migrationsDir, file), 'utf8');
      const name = file.replaceAll("'", "''");
      await session.run(`BEGIN;\n${script}\n;INSERT INTO schema_migrations (name) VALUES ('${name}');\nCOMMIT;`);
      applied.push(file);
    }
  } catch (error) {
    await session.run('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await session.run(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => {});
    await session.release();
  }
  return applied;
}
