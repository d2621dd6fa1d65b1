import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;

// PostgreSQL `date` has no time zone; a JS Date would invent one. Keep 'YYYY-MM-DD'.
const DATE_OID = 1082;
const keepText = (value: string) => value;

/**
 * Runs plain SQL scripts (several statements, no parameters) on one connection.
 * Migrations need it because both drivers only run multi-statement text this way.
 */
export interface ScriptSession {
  run(script: string): Promise<void>;
  rows<T>(query: string): Promise<T[]>;
  release(): Promise<void>;
}

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  openScriptSession(): Promise<ScriptSession>;
  close(): Promise<void>;
}

export async function openDatabase(options: Config['database']): Promise<Database> {
  return options.kind === 'postgres' ? openPostgres(options.url, options.schema) : openPglite(options.dir);
}

async function openPostgres(url: string, schema: string): Promise<Database> {
  const connectionOptions = { connectionString: url, options: `-c search_path=${schema}` };
  const setup = new pg.Client(connectionOptions);
  await setup.connect();
  try {
    await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await setup.end();
  }
  const parserFor = (oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) =>
    oid === DATE_OID ? keepText : (pg.types.getTypeParser(oid, format) as (value: string) => unknown);
  const types = { getTypeParser: parserFor as typeof pg.types.getTypeParser };
  const pool = new pg.Pool({ ...connectionOptions, types, max: 10 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async openScriptSession() {
      const client = new pg.Client(connectionOptions);
      await client.connect();
      return {
        run: async (script) => void (await client.query(script)),
        rows: async <T>(query: string) => (await client.query(query)).rows as T[],
        release: () => client.end(),
      };
    },
    close: () => db.destroy(), // ends the pool too
  };
}

/** Drops a PostgreSQL schema and everything in it (a test's or a type check's scratch schema). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

async function openPglite(dir: string | null): Promise<Database> {
  if (dir) await fs.mkdir(dir, { recursive: true });
  const options = { parsers: { [DATE_OID]: keepText } };
  const pglite = dir ? await PGlite.create(dir, options) : await PGlite.create(options);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    // PGlite has a single connection; nothing else runs while migrations do.
    openScriptSession: () =>
      Promise.resolve({
        run: async (script) => void (await pglite.exec(script)),
        rows: async <T>(query: string) => (await pglite.query<T>(query)).rows,
        release: () => Promise.resolve(),
      }),
    close: () => db.destroy(), // the dialect closes PGlite
  };
}

/** True when the database answers a trivial query. */
export async function isDatabaseReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
