/**
 * Generates the Kysely types of the database (`schema/generated.ts`) from the migrated schema, so
 * the types are read off the database instead of written beside it. A development tool: run by
 * `npm run db:types` / `db:types:check` (scripts/db-types.ts) and its test; the server never
 * imports it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { DiffChecker, PostgresDialect, serializeFromMetadata, type DatabaseMetadata, type PostgresDB } from 'kysely-codegen';
import * as prettier from 'prettier';
import { dropSchema, openDatabase } from './database.ts';
import { migrate } from './migrator.ts';

export const generatedTypesFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema', 'generated.ts');

/**
 * Columns whose values are product types: the database knows only `text` or `jsonb`; these name
 * what they hold. Nullability and defaults still come from the database. Each name is imported
 * from where the product defines it (`typeImports`).
 */
export const productColumnTypes: Record<string, string> = {
  'users.role': 'Role',
  'providers.status': 'ProviderStatus',
  'providers.gender': 'Gender',
  'providers.credentials': 'Credential[]',
  'providers.focus_areas': 'FocusArea[]',
  'providers.approaches': 'TherapyApproach[]',
  'providers.languages': 'LanguageCode[]',
  'providers.modalities': 'Modality[]',
  'providers.coverage': 'CoverageKind[]',
  'providers.business_hours': 'JsonColumn<StoredWindow[]>',
  'providers.weekly_availability': 'JsonColumn<StoredWindow[]>',
  'licences.status': 'LicenceStatus',
  'licences.state': 'UsStateCode',
  'clients.state': 'UsStateCode',
  'clients.required_languages': 'LanguageCode[]',
  'clients.preferred_languages': 'LanguageCode[]',
  'clients.focus_areas': 'FocusArea[]',
  'clients.provider_gender': 'Gender',
  'clients.approaches': 'TherapyApproach[]',
  'clients.needed_modalities': 'Modality[]',
  'clients.preferred_times': 'TimeOfDay[]',
  'clients.coverage': 'CoverageKind',
  'availability_exceptions.windows': 'JsonColumn<DayWindow[]>',
  'audit_events.detail': 'JsonColumn<Record<string, unknown>>',
  'audit_events.outcome': 'AuditOutcome',
  'domain_events.payload': 'JsonColumn<Record<string, unknown>>',
  'screener_results.instrument': 'Instrument',
  'care_assignments.route': 'MatchRouteName',
  'care_assignments.reasons': 'JsonColumn<unknown[]>',
  'care_assignments.end_reason': 'AssignmentEndReason',
  'match_queue.reason': 'QueueReason',
  'client_notices.kind': 'ClientNoticeKind',
  'direct_plans.plan': 'DirectPlan',
  'coverages.kind': 'CoverageKind',
  'coverages.plan': 'DirectPlan',
  'coverages.pending_change': 'PendingPlanChange',
  'ledger_entries.kind': 'LedgerKind',
  'ledger_entries.ref_type': 'LedgerRefType',
  'messaging_sessions.status': 'MessagingSessionStatus',
  'invoices.status': 'InvoiceStatus',
  'messages.sender_role': 'SenderRole',
  'messages.kind': 'MessageKind',
  'notifications.kind': 'NotificationKind',
  'live_sessions.modality': 'LiveModality',
  'live_sessions.current_modality': 'LiveModality',
  'live_sessions.status': 'LiveStatus',
  'live_sessions.outcome': 'LiveOutcome',
  'live_sessions.cancelled_by': 'CancelledBy',
  'session_reminders.outcome': 'ReminderOutcome',
  'progress_notes.modality': 'LiveModality',
  'progress_notes.cpt_code': 'CptCode',
  'progress_notes.status': 'ProgressNoteStatus',
};

const fromContract = [
  'Role',
  'ProviderStatus',
  'LicenceStatus',
  'DirectPlan',
  'CoverageKind',
  'MessageKind',
  'LiveModality',
  'LiveStatus',
  'LiveOutcome',
  'CptCode',
  'Gender',
  'Credential',
  'FocusArea',
  'TherapyApproach',
  'LanguageCode',
  'Modality',
  'UsStateCode',
  'TimeOfDay',
];
const fromColumns = [
  'JsonColumn',
  'BigintColumn',
  'StoredWindow',
  'DayWindow',
  'MatchRouteName',
  'AssignmentEndReason',
  'QueueReason',
  'ClientNoticeKind',
  'PendingPlanChange',
  'LedgerKind',
  'LedgerRefType',
  'MessagingSessionStatus',
  'InvoiceStatus',
  'SenderRole',
  'NotificationKind',
  'CancelledBy',
  'ReminderOutcome',
  'ProgressNoteStatus',
  'AuditOutcome',
];

/** Where each name in `productColumnTypes` comes from, as kysely-codegen's `module#name`. */
export const typeImports: Record<string, string> = {
  ...Object.fromEntries(fromContract.map((name) => [name, `@haven/contract#${name}`])),
  Instrument: '@haven/domain#Instrument',
  ...Object.fromEntries(fromColumns.map((name) => [name, `./columns.ts#${name}`])),
};

/**
 * Each product type as the whole column type: `| null` where the column is nullable, `Generated<>` where it has a default.
 * `bigint` columns read as text on pg and as numbers on PGlite, so they are `BigintColumn`, not codegen's `Int8` (string).
 */
function columnOverrides(metadata: DatabaseMetadata): Record<string, string> {
  const overrides: Record<string, string> = {};
  const unknown = new Set(Object.keys(productColumnTypes));
  for (const table of metadata.tables) {
    for (const column of table.columns) {
      const key = `${table.name}.${column.name}`;
      const type = productColumnTypes[key] ?? (column.dataType === 'int8' ? 'BigintColumn' : undefined);
      if (!type) continue;
      unknown.delete(key);
      const value = column.isNullable ? `${type} | null` : type;
      overrides[key] = column.hasDefaultValue ? `Generated<${value}>` : value;
    }
  }
  if (unknown.size > 0) throw new Error(`productColumnTypes names columns the schema does not have: ${[...unknown].join(', ')}`);
  return overrides;
}

export interface GenerateOptions {
  /** A PostgreSQL server; a scratch schema is made on it and dropped afterwards. */
  url: string;
  /** SQL run after the migrations, before introspection (the test uses it to change the schema). */
  afterMigrations?: string;
}

/** Migrates a scratch schema, introspects it and returns the formatted text of `generated.ts`. */
export async function generateSchemaTypes({ url, afterMigrations }: GenerateOptions): Promise<string> {
  const schema = `haven_types_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ kind: 'postgres', url, schema });
  try {
    await migrate(database);
    if (afterMigrations) {
      const session = await database.openScriptSession();
      try {
        await session.run(afterMigrations);
      } finally {
        await session.release();
      }
    }
    const dialect = new PostgresDialect({ dateParser: 'string', defaultSchemas: [schema] });
    const metadata = await dialect.introspector.introspect({
      // Introspection reads only the catalogue, whatever the app's tables are.
      db: database.db as unknown as Kysely<PostgresDB>,
      includePattern: `${schema}.*`,
      excludePattern: `${schema}.schema_migrations`,
    });
    const text = serializeFromMetadata({
      metadata,
      dialect,
      defaultSchemas: [schema],
      overrides: { columns: columnOverrides(metadata) },
      customImports: typeImports,
      typeOnlyImports: true,
    });
    const options = await prettier.resolveConfig(generatedTypesFile);
    return await prettier.format(text, { ...options, filepath: generatedTypesFile });
  } finally {
    await database.close();
    await dropSchema(url, schema);
  }
}

/** The lines that differ between the committed types and freshly generated ones, or null when they agree. */
export function schemaTypesDifference(committed: string, generated: string): string | null {
  return new DiffChecker().diff(committed, generated) ?? null;
}

export async function readCommittedSchemaTypes(): Promise<string> {
  return fs.readFile(generatedTypesFile, 'utf8').catch(() => '');
}
