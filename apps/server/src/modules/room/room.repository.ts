import { JOIN_OPENS_MINUTES, OVERRUN_MINUTES } from '@haven/domain';
import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { MessagesTable } from '../../platform/db/schema.ts';

export type MessageRow = Selectable<MessagesTable>;

/** Who may be in a room now: its client's account, and the current provider's (if any). */
export function roomParties(db: Db, roomId: string) {
  return db
    .selectFrom('rooms as r')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .innerJoin('users as cu', 'cu.id', 'c.user_id')
    .leftJoin('care_assignments as a', (join) => join.onRef('a.client_id', '=', 'c.id').on('a.ended_at', 'is', null))
    .leftJoin('providers as p', 'p.id', 'a.provider_id')
    .select([
      'r.id as room_id',
      'c.id as client_id',
      'cu.id as client_user_id',
      'cu.preferred_name as client_name',
      'p.id as provider_id',
      'p.user_id as provider_user_id',
      'p.first_name as provider_first_name',
      'p.last_name as provider_last_name',
      'a.started_at as assignment_started_at',
      'a.may_read_earlier',
    ])
    .where('r.id', '=', roomId)
    .executeTakeFirst();
}
export type RoomParties = NonNullable<Awaited<ReturnType<typeof roomParties>>>;

export function lockRoom(trx: Db, roomId: string) {
  return trx.selectFrom('rooms').select(['id', 'last_seq']).where('id', '=', roomId).forUpdate().executeTakeFirst();
}

export async function nextSeq(trx: Db, roomId: string): Promise<number> {
  const row = await trx
    .updateTable('rooms')
    .set({ last_seq: sql`last_seq + 1` })
    .where('id', '=', roomId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export function findByClientId(db: Db, roomId: string, senderId: string, clientMessageId: string): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('sender_id', '=', senderId)
    .where('client_message_id', '=', clientMessageId)
    .executeTakeFirst();
}

/** The live chat session both people have joined in this room, if one is on now. */
export async function chatSessionInProgress(db: Db, roomId: string, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('live_sessions')
    .select('id')
    .where('room_id', '=', roomId)
    .where('status', '=', 'booked')
    .where('current_modality', '=', 'chat')
    .where('client_joined_at', 'is not', null)
    .where('provider_joined_at', 'is not', null)
    .where('ended_at', 'is', null)
    .where('starts_at', '<=', new Date(now.getTime() + JOIN_OPENS_MINUTES * 60_000))
    .where('ends_at', '>', new Date(now.getTime() - OVERRUN_MINUTES * 60_000))
    .executeTakeFirst();
  return row?.id ?? null;
}

export function insertMessage(trx: Db, row: Insertable<MessagesTable>): Promise<MessageRow> {
  return trx.insertInto('messages').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The bytes of every recording and file a room holds: what counts against its upload quota. */
export async function storedMediaBytes(db: Db, roomId: string): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select(sql<string>`coalesce(sum(size_bytes), 0)`.as('bytes'))
    .where('room_id', '=', roomId)
    .where('blob_key', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.bytes);
}

export function findMessage(db: Db, roomId: string, messageId: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('room_id', '=', roomId).where('id', '=', messageId).executeTakeFirst();
}

/** A page of messages visible from `visibleFrom`, newest first when paging back. */
export function messagePage(
  db: Db,
  roomId: string,
  visibleFrom: Date | null,
  range: { before?: number; after?: number; limit: number },
): Promise<MessageRow[]> {
  let query = db.selectFrom('messages').selectAll().where('room_id', '=', roomId);
  if (visibleFrom) query = query.where('sent_at', '>=', visibleFrom);
  if (range.after !== undefined) return query.where('seq', '>', range.after).orderBy('seq').limit(range.limit).execute();
  if (range.before !== undefined) query = query.where('seq', '<', range.before);
  return query
    .orderBy('seq', 'desc')
    .limit(range.limit)
    .execute()
    .then((rows) => rows.reverse());
}

export function hasEarlier(db: Db, roomId: string, visibleFrom: Date | null, seq: number): Promise<boolean> {
  let query = db.selectFrom('messages').select('id').where('room_id', '=', roomId).where('seq', '<', seq);
  if (visibleFrom) query = query.where('sent_at', '>=', visibleFrom);
  return query.limit(1).executeTakeFirst().then(Boolean);
}

export function sharedFiles(db: Db, roomId: string, visibleFrom: Date | null): Promise<MessageRow[]> {
  let query = db.selectFrom('messages').selectAll().where('room_id', '=', roomId).where('kind', '=', 'file');
  if (visibleFrom) query = query.where('sent_at', '>=', visibleFrom);
  return query.orderBy('seq', 'desc').limit(100).execute();
}

export function starredBy(db: Db, userId: string, messageIds: string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return Promise.resolve(new Set<string>());
  return db
    .selectFrom('message_stars')
    .select('message_id')
    .where('user_id', '=', userId)
    .where('message_id', 'in', messageIds)
    .execute()
    .then((rows) => new Set(rows.map((r) => r.message_id)));
}

export async function setStar(db: Db, messageId: string, userId: string, starred: boolean): Promise<void> {
  if (starred)
    await db
      .insertInto('message_stars')
      .values({ message_id: messageId, user_id: userId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  else await db.deleteFrom('message_stars').where('message_id', '=', messageId).where('user_id', '=', userId).execute();
}

export async function markRead(db: Db, roomId: string, userId: string, seq: number): Promise<number> {
  await db
    .insertInto('room_reads')
    .values({ room_id: roomId, user_id: userId, last_seq: seq })
    .onConflict((oc) =>
      oc
        .columns(['room_id', 'user_id'])
        .doUpdateSet({ last_seq: sql`greatest(room_reads.last_seq, excluded.last_seq)`, updated_at: new Date() }),
    )
    .execute();
  return readUpTo(db, roomId, userId);
}

export async function readUpTo(db: Db, roomId: string, userId: string | null): Promise<number> {
  if (!userId) return 0;
  const row = await db
    .selectFrom('room_reads')
    .select('last_seq')
    .where('room_id', '=', roomId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.last_seq ?? 0);
}

export async function lastSeq(db: Db, roomId: string): Promise<number> {
  const row = await db.selectFrom('rooms').select('last_seq').where('id', '=', roomId).executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

/** The provider's current rooms with unread counts and the client messages awaiting a reply. */
export function providerRooms(db: Db, providerId: string, providerUserId: string, roomId?: string) {
  let query = db
    .selectFrom('care_assignments as a')
    .innerJoin('rooms as r', 'r.client_id', 'a.client_id')
    .innerJoin('clients as c', 'c.id', 'a.client_id')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .leftJoin('room_reads as rr', (join) => join.onRef('rr.room_id', '=', 'r.id').on('rr.user_id', '=', providerUserId))
    .select((eb) => [
      'r.id as room_id',
      'u.preferred_name as client_name',
      'a.started_at',
      eb
        .selectFrom('messages as m')
        .select(sql<Date>`max(m.sent_at)`.as('t'))
        .whereRef('m.room_id', '=', 'r.id')
        .as('last_message_at'),
      eb
        .selectFrom('messages as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.room_id', '=', 'r.id')
        .where('m.sender_role', '=', 'client')
        .where(sql<boolean>`m.seq > coalesce(rr.last_seq, 0)`)
        .as('unread'),
      // The oldest client message after the provider's last message: the one a reply is owed for.
      eb
        .selectFrom('messages as m')
        .select(sql<Date>`min(m.sent_at)`.as('t'))
        .whereRef('m.room_id', '=', 'r.id')
        .where('m.sender_role', '=', 'client')
        .where(sql<boolean>`m.seq > coalesce((select max(p.seq) from messages p where p.room_id = r.id and p.sender_role = 'provider'), 0)`)
        .as('awaiting_since'),
    ])
    .where('a.provider_id', '=', providerId)
    .where('a.ended_at', 'is', null);
  if (roomId) query = query.where('r.id', '=', roomId);
  return query.execute();
}

export function clientRoom(db: Db, userId: string) {
  return db
    .selectFrom('rooms as r')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .leftJoin('room_reads as rr', (join) => join.onRef('rr.room_id', '=', 'r.id').on('rr.user_id', '=', userId))
    .select((eb) => [
      'r.id as room_id',
      eb
        .selectFrom('messages as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.room_id', '=', 'r.id')
        .where('m.sender_role', '=', 'provider')
        .where(sql<boolean>`m.seq > coalesce(rr.last_seq, 0)`)
        .as('unread'),
    ])
    .where('c.user_id', '=', userId)
    .executeTakeFirst();
}
