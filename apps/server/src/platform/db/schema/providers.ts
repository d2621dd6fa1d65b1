import type { Generated } from 'kysely';
import type { CalendarDate, CreatedAt, Defaulted, Json, Nullable, Timestamp } from './columns.ts';

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

export interface ProviderHolidaysTable {
  provider_id: string;
  on_date: CalendarDate;
}
