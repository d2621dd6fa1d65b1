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

export interface DB {
  users: UsersTable;
  login_sessions: LoginSessionsTable;
}
