import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../config.ts';
import { generateSchemaTypes, readCommittedSchemaTypes, schemaTypesDifference } from './schema-types.ts';

const url = testDatabaseUrl();

// kysely-codegen introspects a real PostgreSQL catalogue; PGlite is not reachable over a connection string.
describe.skipIf(!url)('db:types:check (PostgreSQL only: set TEST_DATABASE_URL)', () => {
  it('finds no difference between the committed types and the migrated schema', async () => {
    const generated = await generateSchemaTypes({ url: url! });
    expect(schemaTypesDifference(await readCommittedSchemaTypes(), generated)).toBeNull();
  });

  it('reports a migration that changes a column the committed types do not reflect', async () => {
    const generated = await generateSchemaTypes({
      url: url!,
      afterMigrations: `ALTER TABLE live_sessions ALTER COLUMN cost_cents TYPE text;
                        ALTER TABLE rooms ADD COLUMN archived_at timestamptz;`,
    });
    const difference = schemaTypesDifference(await readCommittedSchemaTypes(), generated);
    expect(difference).toMatch(/cost_cents: Generated<string>/);
    expect(difference).toMatch(/archived_at: Timestamp \| null/);
  });

  it('refuses a product type for a column the schema no longer has', async () => {
    await expect(
      generateSchemaTypes({ url: url!, afterMigrations: 'ALTER TABLE live_sessions DROP COLUMN cancelled_by;' }),
    ).rejects.toThrow(/live_sessions\.cancelled_by/);
  });
});
