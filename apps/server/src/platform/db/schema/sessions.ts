import type { Generated } from 'kysely';
import type { CreatedAt, Defaulted, Nullable, Timestamp } from './columns.ts';

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

type LiveOutcome =
  'completed' | 'client_no_show' | 'provider_no_show' | 'cancelled_early' | 'cancelled_late' | 'cancelled_by_provider' | 'declined';

export interface SessionRemindersTable {
  id: Generated<string>;
  session_id: string;
  user_id: string;
  minutes_before: number;
  due_at: Date | string;
  done_at: Nullable<Date>;
  outcome: Nullable<'sent' | 'skipped'>;
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
