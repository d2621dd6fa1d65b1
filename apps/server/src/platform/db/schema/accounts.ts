import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Defaulted, Json, Nullable, Timestamp } from './columns.ts';

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
  attempts: Defaulted<number>;
  run_after: Defaulted<Date>;
  failed_at: Nullable<Date>;
  last_error: Nullable<string>;
}

export interface OutboxEmailsTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: CreatedAt;
  sent_at: Nullable<Date>;
  template: Nullable<string>;
  lease_until: Nullable<Date>;
  attempts: Defaulted<number>;
}

export interface DataKeysTable {
  owner_id: string;
  wrapped_key: string;
  master_version: number;
  created_at: CreatedAt;
}
