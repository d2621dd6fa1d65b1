/** Typed view of the tables created by `migrations/*.sql`, one file per domain; keep the two in step. */
import type {
  AuditEventsTable,
  DataKeysTable,
  DomainEventsTable,
  LoginSessionsTable,
  OutboxEmailsTable,
  UsersTable,
} from './schema/accounts.ts';
import type {
  AvailabilityExceptionsTable,
  LicencesTable,
  ProviderHolidaysTable,
  ProviderInvitesTable,
  ProvidersTable,
  TimeOffTable,
} from './schema/providers.ts';
import type {
  CareAssignmentsTable,
  ClientNoticesTable,
  ClientsTable,
  MatchQueueTable,
  MatchingRunsTable,
  RoomsTable,
  SafetyFlagsTable,
  ScreenerResultsTable,
} from './schema/care.ts';
import type {
  CoveragesTable,
  DirectPlansTable,
  EapCodesTable,
  EapPartnersTable,
  HealthPlansTable,
  InvoicesTable,
  LedgerEntriesTable,
  MessagingSessionsTable,
  PaymentChargesTable,
} from './schema/coverage.ts';
import type { MessageEmailLogTable, MessageStarsTable, MessagesTable, NotificationsTable, RoomReadsTable } from './schema/room.ts';
import type {
  LiveSessionsTable,
  ProgressNoteAmendmentsTable,
  ProgressNotesTable,
  PsychotherapyNotesTable,
  SessionRemindersTable,
} from './schema/sessions.ts';

export type * from './schema/accounts.ts';
export type * from './schema/providers.ts';
export type * from './schema/care.ts';
export type * from './schema/coverage.ts';
export type * from './schema/room.ts';
export type * from './schema/sessions.ts';

export interface DB {
  data_keys: DataKeysTable;
  users: UsersTable;
  login_sessions: LoginSessionsTable;
  providers: ProvidersTable;
  licences: LicencesTable;
  availability_exceptions: AvailabilityExceptionsTable;
  time_off: TimeOffTable;
  provider_invites: ProviderInvitesTable;
  audit_events: AuditEventsTable;
  domain_events: DomainEventsTable;
  outbox_emails: OutboxEmailsTable;
  clients: ClientsTable;
  screener_results: ScreenerResultsTable;
  safety_flags: SafetyFlagsTable;
  rooms: RoomsTable;
  care_assignments: CareAssignmentsTable;
  match_queue: MatchQueueTable;
  live_sessions: LiveSessionsTable;
  session_reminders: SessionRemindersTable;
  client_notices: ClientNoticesTable;
  matching_runs: MatchingRunsTable;
  direct_plans: DirectPlansTable;
  eap_partners: EapPartnersTable;
  eap_codes: EapCodesTable;
  health_plans: HealthPlansTable;
  coverages: CoveragesTable;
  ledger_entries: LedgerEntriesTable;
  messaging_sessions: MessagingSessionsTable;
  invoices: InvoicesTable;
  payment_charges: PaymentChargesTable;
  messages: MessagesTable;
  room_reads: RoomReadsTable;
  message_stars: MessageStarsTable;
  notifications: NotificationsTable;
  message_email_log: MessageEmailLogTable;
  provider_holidays: ProviderHolidaysTable;
  progress_notes: ProgressNotesTable;
  progress_note_amendments: ProgressNoteAmendmentsTable;
  psychotherapy_notes: PsychotherapyNotesTable;
}
