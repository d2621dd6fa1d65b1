import type {
  CareState,
  DirectPlanChange,
  Invoice,
  LedgerEntry,
  LiveSession,
  matchRoutes,
  Message,
  MessagingSession,
  Notifications,
  ProgressNote,
} from '@haven/contract';
import type { ColumnType } from 'kysely';

/**
 * The value types of columns whose values are product types but have no name of their own in
 * @haven/contract: each is read off the contract, so the database types follow the product's.
 * Plus the shapes of jsonb columns, which the database cannot describe. `generated.ts` imports
 * these through the column types listed in `../schema-types.ts`.
 */

/** A jsonb column: read as T, written as the JSON text of T. */
export type JsonColumn<T> = ColumnType<T, string, string>;

/** Whether an audited action was allowed or refused. */
export type AuditOutcome = 'allowed' | 'denied';

/** A `bigint` column: pg reads it as text, PGlite as a number; either may be written. */
export type BigintColumn = ColumnType<string | number, bigint | number | string, bigint | number | string>;

/** One weekly window as stored in a provider's `business_hours` and `weekly_availability`. */
export type StoredWindow = { weekday: number; start: string; end: string };

/** One window of a dated exception: the day's hours replace the week's. */
export type DayWindow = { start: string; end: string };

export type MatchRouteName = (typeof matchRoutes)[number];
export type QueueReason = NonNullable<CareState['queue']>['reason'];
export type AssignmentEndReason = CareState['previous'][number]['endReason'];
export type ClientNoticeKind = CareState['notices'][number]['kind'];
export type PendingPlanChange = DirectPlanChange['to'];
export type LedgerKind = LedgerEntry['kind'];
export type MessagingSessionStatus = MessagingSession['status'];
export type InvoiceStatus = Invoice['status'];
export type SenderRole = Message['senderRole'];
export type NotificationKind = Notifications['items'][number]['kind'];
export type CancelledBy = NonNullable<LiveSession['cancelledBy']>;
export type ProgressNoteStatus = ProgressNote['status'];

/** What a ledger entry is about; the contract does not show it. */
export type LedgerRefType = 'live_session' | 'messaging_session';

/** What became of a session reminder; internal to the reminder job. */
export type ReminderOutcome = 'sent' | 'skipped';
