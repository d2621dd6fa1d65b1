// The therapy room (PRODUCT §2.4, §3): who may read it, sending (idempotent by the sender's own
// message id, ordered by a per-room sequence), reading back and media. A sent message records a
// `message.sent` event; the notifications module decides from it whether the other side hears of
// it by bell or email. Message text and media are sealed under the client's data key.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Inbox, Message, MessagePage, MyRooms, RoomView, UploadQuery } from '@haven/contract';
import { replyBy, type BusinessHours, type WeeklyWindow } from '@haven/domain';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../app-context.ts';
import type { Caller } from '../../caller.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';
import type { UserRow } from '../identity/identity.service.ts';
import { readRoomNotices } from '../notifications/notifications.service.ts';
import { providerOf, publicProfilesById } from '../providers/providers.service.ts';
import { inspectUpload, overQuota } from './media.ts';
import { presentClientRoom, presentInboxRoom, presentMessages } from './room.presenter.ts';
import * as repo from './room.repository.ts';
import { measure, openSealed, storeSealed, type MediaFormat } from './sealed-media.ts';

/** What the room's own helpers use of a caller: the database and the shared pieces. */
export type Room = Pick<AppContext, 'db' | 'sealer' | 'blobs' | 'live' | 'config'>;
const roomOf = ({ db, deps }: Caller): Room => ({ db, ...deps });
/** A room as one person may see it: their side, and from when they may read. */
export type Access = { parties: repo.RoomParties; role: 'client' | 'provider'; visibleFrom: Date | null; otherUserId: string | null };

const roomSubject = (clientId: string) => ({ type: 'client', id: clientId });
export const roomChannel = (roomId: string) => `room:${roomId}`;

/**
 * The client, and their current provider, only. A provider reads the conversation from the start
 * of their assignment, or from the beginning when the client allowed it. Refusals are audited.
 */
export async function accessRoom(db: Db, user: UserRow, roomId: string): Promise<Access> {
  const parties = await repo.roomParties(db, roomId);
  if (parties && parties.client_user_id === user.id) {
    return { parties, role: 'client', visibleFrom: null, otherUserId: parties.provider_user_id };
  }
  if (parties && parties.provider_user_id === user.id && parties.assignment_started_at) {
    return {
      parties,
      role: 'provider',
      visibleFrom: parties.may_read_earlier ? null : parties.assignment_started_at,
      otherUserId: parties.client_user_id,
    };
  }
  await db.transaction().execute((trx) =>
    recordAudit(trx, {
      actor: { id: user.id, label: `${user.preferred_name} (${user.role})` },
      action: 'room.access_denied',
      subject: { type: 'room', id: roomId },
    }),
  );
  throw new AppError('forbidden', 'This is not your room.');
}

async function present(room: Room, access: Access, rows: repo.MessageRow[], viewerId: string): Promise<Message[]> {
  const starred = await repo.starredBy(
    room.db,
    viewerId,
    rows.map((r) => r.id),
  );
  return presentMessages(room.sealer, access.parties, rows, starred);
}

// ── Sending ────────────────────────────────────────────────────────────────────────────────

type Draft = {
  /** Fixed up front when sealed media is already bound to it. */
  id?: string;
  clientMessageId: string;
  kind: Message['kind'];
  text: string | null;
  /** An upload already sealed into its blob: the message owns it once stored, and deletes it otherwise. */
  media: { blobKey: string; format: MediaFormat; size: number; contentType: string; durationMs: number | null } | null;
};

/**
 * Stores a message under the room's row lock (which hands out the next sequence), or — when the
 * sender already sent this id — returns the first one, refusing the id reused for other content.
 */
async function send(
  room: Room,
  { user, actor }: Pick<Caller, 'user' | 'actor'>,
  access: Access,
  draft: Draft,
  now: Date,
): Promise<{ message: Message; created: boolean }> {
  const { db, sealer } = room;
  const clientId = access.parties.client_id;
  const blobKey = draft.media?.blobKey ?? null;
  let stored = false;
  try {
    const existing = await repo.findByClientId(db, access.parties.room_id, user.id, draft.clientMessageId);
    if (existing) {
      if (blobKey) await room.blobs.delete(blobKey);
      return { message: await sameOrConflict(room, access, existing, sizeOf(draft), user.id), created: false };
    }
    // Sealed before the transaction (the sealer has its own queries); the id is fixed up front so
    // the ciphertext is bound to its row.
    const id = draft.id ?? randomUUID();
    const body = draft.text === null ? null : await sealer.seal(clientId, draft.text, { table: 'messages', row: id, field: 'body' });
    const row = await db.transaction().execute(async (trx) => {
      await repo.lockRoom(trx, access.parties.room_id);
      const raced = await repo.findByClientId(trx, access.parties.room_id, user.id, draft.clientMessageId);
      if (raced) return raced;
      // Under the room's lock: of two uploads racing for the last space, the second is refused here.
      if (draft.media) await ensureSpace(trx, room, access.parties.room_id, draft.media.size);
      const seq = await repo.nextSeq(trx, access.parties.room_id);
      const inserted = await repo.insertMessage(trx, {
        id,
        room_id: access.parties.room_id,
        seq,
        sender_id: user.id,
        sender_role: access.role,
        client_message_id: draft.clientMessageId,
        kind: draft.kind,
        body_sealed: body,
        blob_key: blobKey,
        media_format: draft.media?.format ?? null,
        content_type: draft.media?.contentType ?? null,
        size_bytes: draft.media?.size ?? null,
        duration_ms: draft.media?.durationMs ?? null,
        sent_at: now,
        // Written during a live chat session: the history marks it as part of that session.
        live_session_id: await repo.chatSessionInProgress(trx, access.parties.room_id, now),
      });
      await repo.markRead(trx, access.parties.room_id, user.id, seq);
      await recordAudit(trx, {
        actor,
        action: 'message.sent',
        subject: roomSubject(clientId),
        client: access.parties.client_user_id,
        detail: { roomId: access.parties.room_id, seq, kind: draft.kind },
      });
      await recordEvent(trx, {
        type: 'message.sent',
        payload: {
          roomId: access.parties.room_id,
          messageId: id,
          seq: Number(seq),
          sender: { userId: user.id, name: user.preferred_name, role: access.role },
          recipientUserId: access.otherUserId,
        },
      });
      return inserted;
    });
    if (row.id !== id) {
      if (blobKey) await room.blobs.delete(blobKey);
      return { message: await sameOrConflict(room, access, row, sizeOf(draft), user.id), created: false };
    }
    stored = true;
    const message = (await present(room, access, [row], user.id))[0]!;
    await room.live.publish(roomChannel(row.room_id), JSON.stringify({ type: 'message', message: { ...message, starred: false } }));
    return { message, created: true };
  } catch (error) {
    // Once its message is stored the blob is the message's: a retry must find both.
    if (blobKey && !stored) await room.blobs.delete(blobKey);
    throw error;
  }
}

/** What a repeated send is compared by: its kind, and its text or its size. */
type Sameness = Pick<Draft, 'kind' | 'text'> & { size: number | null };
const sizeOf = (draft: Draft): Sameness => ({ kind: draft.kind, text: draft.text, size: draft.media?.size ?? null });

async function sameOrConflict(room: Room, access: Access, row: repo.MessageRow, draft: Sameness, viewerId: string): Promise<Message> {
  const [message] = await present(room, access, [row], viewerId);
  const same =
    message!.kind === draft.kind && (draft.kind === 'text' ? message!.text === draft.text : message!.attachment?.size === draft.size);
  if (!same) throw new AppError('conflict', 'That message id was already used for a different message. Send it with a new id.');
  return message!;
}

export async function sendText(caller: Caller, roomId: string, request: { clientMessageId: string; text: string }) {
  const { user, now } = caller;
  const room = roomOf(caller);
  const access = await accessRoom(room.db, user, roomId);
  return send(room, caller, access, { clientMessageId: request.clientMessageId, kind: 'text', text: request.text, media: null }, now);
}

async function ensureSpace(db: Db, room: Room, roomId: string, bytes: number): Promise<void> {
  const quota = room.config.uploads.quotaBytes;
  const used = await repo.storedMediaBytes(db, roomId);
  if (used + bytes > quota) throw overQuota(quota, used);
}

/**
 * Whether an upload may start, from its headers alone: the room must be the sender's and, when
 * the size is declared, have space for it. A retry of an upload already stored always may.
 */
export async function admitUpload(
  caller: Caller,
  roomId: string,
  upload: { clientMessageId: string | null; declaredBytes: number | null },
) {
  const { user } = caller;
  const room = roomOf(caller);
  const access = await accessRoom(room.db, user, roomId);
  if (upload.declaredBytes === null) return;
  if (upload.clientMessageId && (await repo.findByClientId(room.db, roomId, user.id, upload.clientMessageId))) return;
  await ensureSpace(room.db, room, access.parties.room_id, upload.declaredBytes);
}

/**
 * A voice or video message or a file, streamed from `body` through its checks and sealed into its
 * blob as it arrives; the message is stored only once every byte is. The same id sent again
 * returns the first message (its body is read and compared by size, never stored twice).
 */
export async function sendUpload(caller: Caller, roomId: string, query: UploadQuery, declaredType: string, body: Readable) {
  const { user, now } = caller;
  const room = roomOf(caller);
  const access = await accessRoom(room.db, user, roomId);
  const filename = query.kind === 'file' ? (query.filename ?? 'attachment') : null;
  const draft = { clientMessageId: query.clientMessageId, kind: query.kind, text: filename };
  const existing = await repo.findByClientId(room.db, roomId, user.id, query.clientMessageId);
  if (existing) {
    const message = await sameOrConflict(room, access, existing, { ...draft, size: await measure(body) }, user.id);
    return { message, created: false };
  }
  const quota = room.config.uploads.quotaBytes;
  const used = await repo.storedMediaBytes(room.db, roomId);
  const checks = inspectUpload(query.kind, declaredType, { bytes: quota - used, exceeded: () => overQuota(quota, used) });
  const id = randomUUID();
  const blobKey = await storeSealed(room, access.parties.client_id, id, body, checks.stream);
  const { contentType, size } = checks.result;
  return send(
    room,
    caller,
    access,
    { ...draft, id, media: { blobKey, format: 'chunked', size, contentType, durationMs: query.durationMs ?? null } },
    now,
  );
}

// ── Reading ────────────────────────────────────────────────────────────────────────────────

async function auditRead(db: Db, actor: Actor, access: Access, messages: Message[]): Promise<void> {
  if (messages.length === 0) return;
  await db.transaction().execute((trx) =>
    recordAudit(trx, {
      actor,
      action: 'messages.read',
      subject: roomSubject(access.parties.client_id),
      client: access.parties.client_user_id,
      detail: { roomId: access.parties.room_id, fromSeq: messages[0]!.seq, toSeq: messages.at(-1)!.seq },
    }),
  );
}

export async function messagePage(
  caller: Caller,
  roomId: string,
  range: { before?: number; after?: number; limit: number },
): Promise<MessagePage> {
  const access = await accessRoom(caller.db, caller.user, roomId);
  return pageFor(caller, access, range);
}

export async function pageFor(
  caller: Caller,
  access: Access,
  range: { before?: number; after?: number; limit: number },
): Promise<MessagePage> {
  const { user } = caller;
  const room = roomOf(caller);
  const rows = await repo.messagePage(room.db, access.parties.room_id, access.visibleFrom, range);
  const messages = await present(room, access, rows, user.id);
  await auditRead(room.db, caller.actor, access, messages);
  const first = rows[0];
  return {
    messages,
    hasEarlier: first ? await repo.hasEarlier(room.db, access.parties.room_id, access.visibleFrom, Number(first.seq)) : false,
  };
}

export async function roomView(caller: Caller, roomId: string): Promise<RoomView> {
  const { user, now } = caller;
  const room = roomOf(caller);
  const access = await accessRoom(room.db, user, roomId);
  const page = await pageFor(caller, access, { limit: 50 });
  const files = await repo.sharedFiles(room.db, roomId, access.visibleFrom);
  const providerId = access.parties.provider_id;
  const profile = providerId ? ((await publicProfilesById(room.db, [providerId], now)).get(providerId) ?? null) : null;
  const [mine, theirs] = await Promise.all([repo.readUpTo(room.db, roomId, user.id), repo.readUpTo(room.db, roomId, access.otherUserId)]);
  let due: string | null = null;
  if (access.role === 'provider' && providerId) {
    const [entry] = await repo.providerRooms(room.db, providerId, user.id, roomId);
    due = entry?.awaiting_since ? replyBy(new Date(entry.awaiting_since), await businessHoursOf(room.db, providerId)).toISOString() : null;
  }
  return {
    roomId,
    you: access.role,
    clientName: access.parties.client_name,
    provider: profile,
    messages: page.messages,
    hasEarlier: page.hasEarlier,
    readUpTo: { mine, theirs },
    replyBy: due,
    sharedFiles: await present(room, access, files, user.id),
  };
}

export async function markRead(caller: Caller, roomId: string, seq: number): Promise<number> {
  const { user } = caller;
  const room = roomOf(caller);
  await accessRoom(room.db, user, roomId);
  const upTo = await repo.markRead(room.db, roomId, user.id, Math.min(seq, await repo.lastSeq(room.db, roomId)));
  await readRoomNotices(room.db, user.id, roomId, new Date());
  await room.live.publish(roomChannel(roomId), JSON.stringify({ type: 'read', roomId, userId: user.id, seq: upTo }));
  return upTo;
}

export async function setStar(caller: Caller, roomId: string, messageId: string, starred: boolean): Promise<void> {
  const { user } = caller;
  const room = roomOf(caller);
  await accessRoom(room.db, user, roomId);
  if (!(await repo.findMessage(room.db, roomId, messageId))) throw new AppError('not_found', 'That message is not in this room.');
  await repo.setStar(room.db, messageId, user.id, starred);
}

/** A stored recording or file as it may be served: its facts, and its bytes one range at a time. */
export type MediaFile = {
  kind: 'voice' | 'video' | 'file';
  contentType: string;
  size: number;
  filename: string | null;
  open(range: { start: number; end: number }): Promise<Readable>;
};

export async function media(caller: Caller, roomId: string, messageId: string): Promise<MediaFile> {
  const { user } = caller;
  const room = roomOf(caller);
  const access = await accessRoom(room.db, user, roomId);
  const row = await repo.findMessage(room.db, roomId, messageId);
  if (!row || !row.blob_key || row.kind === 'text' || (access.visibleFrom && row.sent_at < access.visibleFrom))
    throw new AppError('not_found', 'That recording or file is not in this room.');
  const clientId = access.parties.client_id;
  const filename =
    row.kind === 'file' && row.body_sealed
      ? await room.sealer.open(clientId, row.body_sealed, { table: 'messages', row: row.id, field: 'body' })
      : null;
  await room.db.transaction().execute((trx) =>
    recordAudit(trx, {
      actor: caller.actor,
      action: 'media.read',
      subject: roomSubject(clientId),
      client: access.parties.client_user_id,
      detail: { roomId, seq: Number(row.seq) },
    }),
  );
  const file = {
    messageId: row.id,
    blobKey: row.blob_key,
    format: (row.media_format ?? 'whole') as MediaFormat,
    size: row.size_bytes ?? 0,
  };
  return {
    kind: row.kind,
    contentType: row.content_type ?? 'application/octet-stream',
    size: file.size,
    filename,
    open: (range) => openSealed(room, clientId, file, range),
  };
}

// ── Inbox and reply-by ─────────────────────────────────────────────────────────────────────

/** A provider's business hours, holidays and time off: what their reply-by promises are counted in. */
export async function businessHoursOf(db: Db, providerId: string): Promise<BusinessHours> {
  const provider = await db
    .selectFrom('providers')
    .select(['time_zone', 'business_hours'])
    .where('id', '=', providerId)
    .executeTakeFirstOrThrow();
  const [holidays, timeOff] = await Promise.all([
    db.selectFrom('provider_holidays').select('on_date').where('provider_id', '=', providerId).execute(),
    db.selectFrom('time_off').select(['starts_at', 'ends_at']).where('provider_id', '=', providerId).execute(),
  ]);
  return {
    timeZone: provider.time_zone ?? 'UTC',
    weekly: provider.business_hours as WeeklyWindow[],
    holidays: holidays.map((h) => h.on_date),
    timeOff: timeOff.map((t) => ({ start: new Date(t.starts_at), end: new Date(t.ends_at) })),
  };
}

export async function inbox({ db, user, now }: Caller): Promise<Inbox> {
  const provider = await providerOf(db, user);
  const [rows, hours] = await Promise.all([repo.providerRooms(db, provider.id, user.id), businessHoursOf(db, provider.id)]);
  const rooms = rows.map((row) => presentInboxRoom(row, row.awaiting_since ? replyBy(new Date(row.awaiting_since), hours) : null, now));
  // Most urgent first; rooms waiting for nothing last, most recent first.
  rooms.sort(
    (a, b) => (a.replyBy ?? '9999').localeCompare(b.replyBy ?? '9999') || (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? ''),
  );
  return { rooms };
}

export async function myRooms(caller: Caller): Promise<MyRooms> {
  const { db, user } = caller;
  if (user.role === 'client') {
    const room = await repo.clientRoom(db, user.id);
    return { rooms: room ? [presentClientRoom(room)] : [] };
  }
  const box = await inbox(caller);
  return { rooms: box.rooms.map((r) => ({ roomId: r.roomId, otherName: r.clientName, unread: r.unread })) };
}
