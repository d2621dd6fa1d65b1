import type { NotificationSettings } from '@haven/contract';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export type NoticeRow = {
  user_id: string;
  kind: 'message' | 'session' | 'screener';
  room_id?: string | null;
  live_session_id?: string | null;
  text?: string | null;
};

export async function addNotice(db: Db, notice: NoticeRow): Promise<void> {
  await db.insertInto('notifications').values(notice).execute();
}

export function noticesOf(db: Db, userId: string) {
  return db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('at', 'desc').limit(30).execute();
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function unreadCounts(db: Db, userIds: string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('notifications')
    .select(['user_id', sql<number>`count(*)::int`.as('unread')])
    .where('user_id', 'in', userIds)
    .where('read_at', 'is', null)
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((row) => [row.user_id, Number(row.unread)]));
}

export async function readNotices(db: Db, userId: string, roomId: string | null, at: Date): Promise<void> {
  let query = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (roomId) query = query.where('room_id', '=', roomId);
  await query.execute();
}

/** Claims the right to email this user about this room, at most once per `windowMs`. */
export async function claimEmailSlot(db: Db, userId: string, roomId: string, now: Date, windowMs: number): Promise<boolean> {
  const cutoff = new Date(now.getTime() - windowMs);
  const result = await db
    .insertInto('message_email_log')
    .values({ user_id: userId, room_id: roomId, sent_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'room_id']).doUpdateSet({ sent_at: now }).where('message_email_log.sent_at', '<', cutoff))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export type Contact = {
  id: string;
  email: string;
  preferred_name: string;
  discreet_notifications: boolean;
  email_messages: boolean;
  email_sessions: boolean;
};

export function contactOf(db: Db, userId: string): Promise<Contact> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'preferred_name', 'discreet_notifications', 'email_messages', 'email_sessions'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** The person behind a client record, for the notices about their care. */
export function contactOfClient(db: Db, clientId: string): Promise<Contact> {
  return db
    .selectFrom('clients as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['u.id', 'u.email', 'u.preferred_name', 'u.discreet_notifications', 'u.email_messages', 'u.email_sessions'])
    .where('c.id', '=', clientId)
    .executeTakeFirstOrThrow();
}

export async function setChoices(db: Db, userId: string, choices: NotificationSettings): Promise<void> {
  const set = {
    ...(choices.discreet === undefined ? {} : { discreet_notifications: choices.discreet }),
    ...(choices.email?.messages === undefined ? {} : { email_messages: choices.email.messages }),
    ...(choices.email?.sessions === undefined ? {} : { email_sessions: choices.email.sessions }),
  };
  if (Object.keys(set).length > 0) await db.updateTable('users').set(set).where('id', '=', userId).execute();
}
