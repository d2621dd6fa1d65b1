/**
 * npm run db:types        writes apps/server/src/platform/db/schema/generated.ts from the migrated schema
 * npm run db:types:check  fails when the committed file differs from what the migrations give
 *
 * Both migrate a scratch schema on $TEST_DATABASE_URL or $DATABASE_URL (default: the local
 * PostgreSQL) and drop it afterwards.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  generateSchemaTypes,
  generatedTypesFile,
  readCommittedSchemaTypes,
  schemaTypesDifference,
} from '../apps/server/src/platform/db/schema-types.ts';

const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const check = process.argv.includes('--check');
const relative = path.relative(process.cwd(), generatedTypesFile);

const generated = await generateSchemaTypes({ url });
if (check) {
  const difference = schemaTypesDifference(await readCommittedSchemaTypes(), generated);
  if (difference) {
    console.error(difference);
    console.error(`${relative} does not match the migrations: run npm run db:types`);
    process.exit(1);
  }
  console.log(`${relative} matches the migrations.`);
} else {
  await fs.writeFile(generatedTypesFile, generated);
  console.log(`wrote ${relative}`);
}
