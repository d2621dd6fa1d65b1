import type { ColumnType, Generated } from 'kysely';

/** Typed view of the tables created by `migrations/*.sql`; keep the two in step. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  email_normalized: string;
  preferred_name: string;
  role: 'client' | 'provider' | 'admin';
  password_hash: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  discreet_notifications: Defaulted<boolean>;
}

export interface LoginSessionsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
/** `date` columns are kept as 'YYYY-MM-DD' strings (see database.ts). */
type CalendarDate = string;
type Json<T> = ColumnType<T, string | undefined, string>;

export type StoredWindow = { weekday: number; start: string; end: string };

export interface ProvidersTable {
  id: Generated<string>;
  user_id: Nullable<string>;
  email: string;
  status: Defaulted<'invited' | 'onboarding' | 'active' | 'inactive'>;
  status_reason: Nullable<string>;
  first_name: string;
  last_name: string;
  pronouns: Nullable<string>;
  gender: Nullable<string>;
  credentials: Defaulted<string[]>;
  years_experience: Nullable<number>;
  npi: Nullable<string>;
  focus_areas: Defaulted<string[]>;
  approaches: Defaulted<string[]>;
  languages: Defaulted<string[]>;
  approach_statement: Nullable<string>;
  time_zone: Nullable<string>;
  business_hours: Json<StoredWindow[]>;
  capacity: Nullable<number>;
  modalities: Defaulted<string[]>;
  coverage: Defaulted<string[]>;
  photo_key: Nullable<string>;
  weekly_availability: Json<StoredWindow[]>;
  session_lengths: Defaulted<number[]>;
  buffer_minutes: Defaulted<number>;
  min_notice_hours: Defaulted<number>;
  auto_confirm: Defaulted<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface LicencesTable {
  id: Generated<string>;
  provider_id: string;
  state: string;
  licence_type: string;
  number: string;
  expires_on: CalendarDate;
  status: Defaulted<'pending' | 'verified' | 'rejected' | 'expired'>;
  decided_by: Nullable<string>;
  decided_at: Nullable<Date>;
  rejection_reason: Nullable<string>;
  created_at: CreatedAt;
}

export interface AvailabilityExceptionsTable {
  provider_id: string;
  on_date: CalendarDate;
  windows: Json<Array<{ start: string; end: string }>>;
}

export interface TimeOffTable {
  id: Generated<string>;
  provider_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  note: Nullable<string>;
}

export interface ProviderInvitesTable {
  id: Generated<string>;
  provider_id: string;
  token_hash: string;
  invited_by: string;
  expires_at: Date | string;
  accepted_at: Nullable<Date>;
  created_at: CreatedAt;
}

export interface AuditEventsTable {
  seq: Generated<string>;
  at: CreatedAt;
  actor_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string;
  reason: string | null;
  detail: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface DomainEventsTable {
  seq: Generated<string>;
  type: string;
  payload: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  processed_at: Nullable<Date>;
}

export interface OutboxEmailsTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: CreatedAt;
  sent_at: Nullable<Date>;
}

export interface DataKeysTable {
  owner_id: string;
  wrapped_key: string;
  master_version: number;
  created_at: CreatedAt;
}

export interface ClientsTable {
  id: Generated<string>;
  user_id: string;
  intake_step: Defaulted<string>;
  intake_sealed: Nullable<string>;
  show_crisis_resources: Defaulted<boolean>;
  submitted_at: Nullable<Date>;
  state: Nullable<string>;
  time_zone: Nullable<string>;
  required_languages: Defaulted<string[]>;
  preferred_languages: Defaulted<string[]>;
  focus_areas: Defaulted<string[]>;
  provider_gender: Nullable<string>;
  approaches: Defaulted<string[]>;
  needed_modalities: Defaulted<string[]>;
  preferred_times: Defaulted<string[]>;
  coverage: Defaulted<string>;
  telehealth_consent_version: Nullable<string>;
  telehealth_consent_at: Nullable<Date>;
  privacy_notice_version: Nullable<string>;
  privacy_notice_at: Nullable<Date>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ScreenerResultsTable {
  id: Generated<string>;
  client_id: string;
  instrument: 'phq9' | 'gad7';
  sealed: string;
  taken_at: CreatedAt;
}

export interface SafetyFlagsTable {
  id: Generated<string>;
  client_id: string;
  reasons: string[];
  item9: Nullable<number>;
  raised_at: CreatedAt;
  followed_up_at: Nullable<Date>;
  followed_up_by: Nullable<string>;
  follow_up_note: Nullable<string>;
}

export interface RoomsTable {
  id: Generated<string>;
  client_id: string;
  created_at: CreatedAt;
  last_seq: ColumnType<string | number, string | number | undefined, string | number>;
}

export type MatchRouteName = 'instant' | 'batch' | 'by_name' | 'first_session' | 'switch' | 'provider_left';
export type QueueReason = 'no_capacity' | 'switch' | 'provider_left';

export interface CareAssignmentsTable {
  id: Generated<string>;
  client_id: string;
  provider_id: string;
  room_id: string;
  route: MatchRouteName;
  score: number;
  reasons: Json<unknown[]>;
  waiting_since: Date | string;
  started_at: CreatedAt;
  ended_at: Nullable<Date>;
  end_reason: Nullable<'switch' | 'provider_left'>;
  end_note_sealed: Nullable<string>;
  may_read_earlier: Defaulted<boolean>;
}

export interface MatchQueueTable {
  client_id: string;
  since: CreatedAt;
  reason: QueueReason;
  leaving_provider: Nullable<string>;
  switch_note_sealed: Nullable<string>;
  may_read_earlier: Defaulted<boolean>;
}

export interface LiveSessionsTable {
  id: Generated<string>;
  client_id: string;
  provider_id: string;
  room_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  modality: LiveModality;
  status: Defaulted<'requested' | 'booked' | 'cancelled' | 'completed'>;
  created_at: CreatedAt;
  coverage_id: Nullable<string>;
  cost_cents: Defaulted<number>;
  outcome: Nullable<LiveOutcome>;
  settled_at: Nullable<Date>;
  series_id: Nullable<string>;
  current_modality: Nullable<LiveModality>;
  confirmed_at: Nullable<Date>;
  cancelled_by: Nullable<'client' | 'provider'>;
  change_reason: Nullable<string>;
  rescheduled_from: Nullable<string>;
  client_location: Nullable<string>;
  client_joined_at: Nullable<Date>;
  provider_joined_at: Nullable<Date>;
  ended_at: Nullable<Date>;
}
type LiveModality = 'video' | 'audio' | 'chat';
type LiveOutcome = 'completed' | 'client_no_show' | 'provider_no_show' | 'cancelled_early' | 'cancelled_late' | 'cancelled_by_provider' | 'declined';

export interface SessionRemindersTable {
  id: Generated<string>;
  session_id: string;
  user_id: string;
  minutes_before: number;
  due_at: Date | string;
  done_at: Nullable<Date>;
  outcome: Nullable<'sent' | 'skipped'>;
}

export interface ClientNoticesTable {
  id: Generated<string>;
  client_id: string;
  kind: 'provider_left';
  provider_name: string;
  at: CreatedAt;
}

export interface MatchingRunsTable {
  id: Generated<string>;
  at: CreatedAt;
  assigned: number;
  still_waiting: number;
  duration_ms: number;
}

export type DirectPlanName = 'messaging' | 'messaging_live' | 'live';

export interface DirectPlansTable {
  plan: DirectPlanName;
  monthly_price_cents: number;
  live_sessions_per_month: number;
  messaging: boolean;
}

export interface EapPartnersTable {
  id: Generated<string>;
  name: string;
  sessions_per_client: number;
  ends_on: CalendarDate;
  created_at: CreatedAt;
}

export interface EapCodesTable {
  code: string;
  partner_id: string;
  active: Defaulted<boolean>;
  created_at: CreatedAt;
}

export interface HealthPlansTable {
  id: Generated<string>;
  name: string;
  payer_id: string;
  session_rate_cents: number;
  created_at: CreatedAt;
}

export interface CoveragesTable {
  id: Generated<string>;
  client_id: string;
  kind: 'direct' | 'eap' | 'health_plan';
  started_at: CreatedAt;
  ended_at: Nullable<Date>;
  plan: Nullable<DirectPlanName>;
  paused: Defaulted<boolean>;
  anchor_day: Nullable<number>;
  pending_change: Nullable<DirectPlanName | 'pause' | 'resume'>;
  pending_on: Nullable<CalendarDate>;
  eap_code: Nullable<string>;
  health_plan_id: Nullable<string>;
  member_id: Nullable<string>;
}

export interface LedgerEntriesTable {
  seq: Generated<string>;
  coverage_id: string;
  client_id: string;
  kind: 'grant' | 'reserve' | 'spend' | 'return' | 'expire';
  amount: number;
  period: Nullable<CalendarDate>;
  reason: string;
  ref_type: Nullable<'live_session' | 'messaging_session'>;
  ref_id: Nullable<string>;
  cost_cents: Defaulted<number>;
  at: CreatedAt;
}

export interface MessagingSessionsTable {
  id: Generated<string>;
  client_id: string;
  provider_id: string;
  coverage_id: string;
  started_at: CreatedAt;
  closes_at: Date | string;
  completed_at: Nullable<Date>;
  completed_by: Nullable<string>;
  status: Defaulted<'open' | 'completed' | 'expired'>;
}

export interface InvoicesTable {
  id: Generated<string>;
  number: Generated<string>;
  client_id: string;
  coverage_id: Nullable<string>;
  purpose: string;
  description: string;
  period_start: CalendarDate;
  period_end: CalendarDate;
  amount_cents: number;
  status: 'paid' | 'failed';
  receipt: Nullable<string>;
  issued_at: CreatedAt;
}

export interface PaymentChargesTable {
  id: Generated<string>;
  invoice_id: string;
  amount_cents: number;
  processor: string;
  processor_ref: string;
  succeeded: boolean;
  at: CreatedAt;
}

export interface MessagesTable {
  id: Generated<string>;
  room_id: string;
  seq: ColumnType<string | number, string | number, never>;
  sender_id: string;
  sender_role: 'client' | 'provider';
  client_message_id: string;
  kind: 'text' | 'voice' | 'video' | 'file';
  body_sealed: Nullable<string>;
  blob_key: Nullable<string>;
  content_type: Nullable<string>;
  size_bytes: Nullable<number>;
  duration_ms: Nullable<number>;
  sent_at: Timestamp;
  live_session_id: Nullable<string>;
}

export interface RoomReadsTable {
  room_id: string;
  user_id: string;
  last_seq: ColumnType<string | number, string | number | undefined, string | number>;
  updated_at: Timestamp;
}

export interface MessageStarsTable {
  message_id: string;
  user_id: string;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  room_id: Nullable<string>;
  at: CreatedAt;
  read_at: Nullable<Date>;
  kind: Defaulted<'message' | 'session'>;
  text: Nullable<string>;
  live_session_id: Nullable<string>;
}

export interface MessageEmailLogTable {
  user_id: string;
  room_id: string;
  sent_at: Date | string;
}

export interface ProviderHolidaysTable {
  provider_id: string;
  on_date: CalendarDate;
}

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

export interface ProgressNotesTable {
  id: Generated<string>;
  session_id: string;
  client_id: string;
  provider_id: string;
  minutes: number;
  modality: 'video' | 'audio' | 'chat';
  cpt_code: Nullable<'90832' | '90834' | '90837'>;
  body_sealed: string;
  status: Defaulted<'draft' | 'signed'>;
  signed_at: Nullable<Date>;
  signature: Nullable<string>;
  content_sha256: Nullable<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ProgressNoteAmendmentsTable {
  id: Generated<string>;
  note_id: string;
  provider_id: string;
  body_sealed: string;
  signed_at: CreatedAt;
  signature: string;
}

export interface PsychotherapyNotesTable {
  id: Generated<string>;
  session_id: string;
  provider_id: string;
  client_id: string;
  body_sealed: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}
