import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Defaulted, Json, Nullable, Timestamp } from './columns.ts';

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
