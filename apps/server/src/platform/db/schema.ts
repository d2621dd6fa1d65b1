/**
 * The database's types: `schema/generated.ts` is generated from the migrated schema by
 * `npm run db:types` (and checked in CI by `npm run db:types:check`); never edit it by hand.
 * Product value types of columns are named in `schema-types.ts` and `schema/columns.ts`.
 */
import type { DB } from './schema/generated.ts';

export type { DB } from './schema/generated.ts';
export type * from './schema/columns.ts';

/** One name per table, for `Selectable<…>`, `Insertable<…>` and `Updateable<…>`. */
export type AuditEventsTable = DB['audit_events'];
export type AvailabilityExceptionsTable = DB['availability_exceptions'];
export type CareAssignmentsTable = DB['care_assignments'];
export type ClientNoticesTable = DB['client_notices'];
export type ClientsTable = DB['clients'];
export type CoveragesTable = DB['coverages'];
export type DataKeysTable = DB['data_keys'];
export type DirectPlansTable = DB['direct_plans'];
export type DomainEventsTable = DB['domain_events'];
export type EapCodesTable = DB['eap_codes'];
export type EapPartnersTable = DB['eap_partners'];
export type HealthPlansTable = DB['health_plans'];
export type InvoicesTable = DB['invoices'];
export type LedgerEntriesTable = DB['ledger_entries'];
export type LicencesTable = DB['licences'];
export type LiveSessionsTable = DB['live_sessions'];
export type LoginSessionsTable = DB['login_sessions'];
export type MatchQueueTable = DB['match_queue'];
export type MatchingRunsTable = DB['matching_runs'];
export type MessageEmailLogTable = DB['message_email_log'];
export type MessageStarsTable = DB['message_stars'];
export type MessagesTable = DB['messages'];
export type MessagingSessionsTable = DB['messaging_sessions'];
export type NotificationsTable = DB['notifications'];
export type OutboxEmailsTable = DB['outbox_emails'];
export type PaymentChargesTable = DB['payment_charges'];
export type ProgressNoteAmendmentsTable = DB['progress_note_amendments'];
export type ProgressNotesTable = DB['progress_notes'];
export type ProviderHolidaysTable = DB['provider_holidays'];
export type ProviderInvitesTable = DB['provider_invites'];
export type ProvidersTable = DB['providers'];
export type PsychotherapyNotesTable = DB['psychotherapy_notes'];
export type RoomReadsTable = DB['room_reads'];
export type RoomsTable = DB['rooms'];
export type SafetyFlagsTable = DB['safety_flags'];
export type ScreenerResultsTable = DB['screener_results'];
export type SessionRemindersTable = DB['session_reminders'];
export type TimeOffTable = DB['time_off'];
export type UsersTable = DB['users'];
