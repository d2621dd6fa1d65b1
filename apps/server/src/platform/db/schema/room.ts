import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Defaulted, Nullable, Timestamp } from './columns.ts';

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
