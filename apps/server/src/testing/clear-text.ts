import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';

/**
 * Every `table.column` of the database whose value holds `text` in clear: what someone with a copy
 * of the database (or a backup, or a replica) could read without the keys.
 */
export async function columnsHolding(db: Db, text: string): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db);
  const found = new Set<string>();
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(db);
    for (const row of rows.rows)
      for (const [column, value] of Object.entries(row)) if (readable(value).includes(text)) found.add(`${name}.${column}`);
  }
  return [...found].sort();
}

const readable = (value: unknown): string =>
  value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : value === null ? '' : JSON.stringify(value);
