import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { childEnv } from '../config.ts';
import { BackupError, COUNTED_TABLES } from './manifest.ts';

export type DatabaseState = { migration: string; counts: Record<string, number> };

/** The URL without its password (which goes in PGPASSWORD, out of the process list). */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: childEnv(password ? { PGPASSWORD: password } : {}) };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { env, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(
        new BackupError(
          missing ? `${tool} is not installed (PostgreSQL's client tools must be on PATH).` : `${tool} failed: ${stderr.trim()}`,
        ),
      );
    });
  });
}

const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function stateOf(client: pg.Client, schema: string): Promise<DatabaseState> {
  const s = identifier(schema);
  const migration = await client.query<{ name: string }>(`SELECT max(name) AS name FROM ${s}.schema_migrations`);
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${s}.${identifier(table)}`);
    counts[table] = Number(result.rows[0]!.n);
  }
  return { migration: migration.rows[0]?.name ?? '', counts };
}

/**
 * `pg_dump` (custom format) of one schema, taken in a snapshot this connection exports and holds
 * open, so the counts in the manifest are those of the very state that was dumped.
 */
export async function dumpPostgres(url: string, schema: string, file: string): Promise<DatabaseState> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    const state = await stateOf(client, schema).catch((error: Error) => {
      throw new BackupError(`Schema ${schema} does not hold a Haven database (${error.message}).`);
    });
    const { dbname, env } = toolConnection(url);
    await run('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--schema=${schema}`, `--file=${file}`, `--dbname=${dbname}`], env);
    await client.query('COMMIT');
    return state;
  } finally {
    await client.end();
  }
}

/** True when the schema holds no table, sequence, view or function. */
async function schemaIsEmpty(client: pg.Client, schema: string): Promise<boolean> {
  const result = await client.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1)
          + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1) AS n`,
    [schema],
  );
  return Number(result.rows[0]!.n) === 0;
}

export async function postgresTargetIsEmpty(url: string, schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await schemaIsEmpty(client, schema);
  } finally {
    await client.end();
  }
}

/**
 * `pg_restore` into the schema, in one transaction: it either restores everything or nothing.
 * With `replace`, what the schema held is renamed aside first, and dropped only once the restore
 * has committed (a failed restore puts it back). The dump's own CREATE SCHEMA is left out, so an
 * empty schema made beforehand (by an operator, or by Haven's start) takes it.
 */
export async function restorePostgres(url: string, schema: string, file: string, replace: boolean): Promise<DatabaseState> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'haven-restore-'));
  const exists = async (name: string) => (await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [name])).rowCount === 1;
  const aside = replace && (await exists(schema)) ? `${schema.slice(0, 40)}_replaced_${Date.now().toString(36)}` : null;
  try {
    if (aside) await client.query(`ALTER SCHEMA ${identifier(schema)} RENAME TO ${identifier(aside)}`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${identifier(schema)}`);
    const { dbname, env } = toolConnection(url);
    const contents = await run('pg_restore', ['--list', file], env);
    const ownSchema = new RegExp(`^\\d+; \\d+ \\d+ (SCHEMA|COMMENT) - (SCHEMA )?${schema.replace(/[^a-z0-9_]/g, '')}\\b`);
    const list = path.join(scratch, 'contents.list');
    await fs.writeFile(
      list,
      contents
        .split('\n')
        .filter((line) => !ownSchema.test(line))
        .join('\n'),
    );
    await run(
      'pg_restore',
      ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--use-list=${list}`, `--dbname=${dbname}`, file],
      env,
    ).catch(async (error: unknown) => {
      if (aside) {
        await client.query(`DROP SCHEMA ${identifier(schema)} CASCADE`);
        await client.query(`ALTER SCHEMA ${identifier(aside)} RENAME TO ${identifier(schema)}`);
      }
      throw error;
    });
    if (aside) await client.query(`DROP SCHEMA ${identifier(aside)} CASCADE`);
    return await stateOf(client, schema);
  } finally {
    await client.end();
    await fs.rm(scratch, { recursive: true, force: true });
  }
}
