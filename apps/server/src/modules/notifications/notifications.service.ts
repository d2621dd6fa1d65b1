// The bell, its live count, and email (PRODUCT §2.4): who hears what is decided here, from the
// domain events other modules record (notifications.handlers.ts), and written from one catalogue.
import type { NotificationSettings, Notifications } from '@haven/contract';
import type { Db } from '../../platform/db/database.ts';
import type { LiveBus } from '../../platform/events/live-bus.ts';
import { queueEmail } from '../../platform/mail/outbox.ts';
import type { UserRow } from '../identity/identity.service.ts';
import type { Rendered } from './catalogue.ts';
import * as repo from './notifications.repository.ts';

export type Publisher = Pick<LiveBus, 'publish'>;

/** The per-user live channel; a tab subscribed to it hears `{ type: 'notification', unread }`. */
export const userChannel = (userId: string) => `user:${userId}`;

// ── The bell ───────────────────────────────────────────────────────────────────────────────

export async function notifications(db: Db, user: UserRow): Promise<Notifications> {
  const [items, unread, contact] = await Promise.all([
    repo.noticesOf(db, user.id),
    repo.unreadCount(db, user.id),
    repo.contactOf(db, user.id),
  ]);
  return {
    unread,
    discreet: contact.discreet_notifications,
    email: { messages: contact.email_messages, sessions: contact.email_sessions },
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      roomId: n.room_id,
      sessionId: n.live_session_id,
      at: n.at.toISOString(),
      text: n.text ?? 'New message in your room',
      read: n.read_at !== null,
    })),
  };
}

export async function setChoices(db: Db, user: UserRow, choices: NotificationSettings): Promise<Notifications> {
  await repo.setChoices(db, user.id, choices);
  return notifications(db, user);
}

/** Reading a room clears the bell's notices about it. */
export function readRoomNotices(db: Db, userId: string, roomId: string, at: Date): Promise<void> {
  return repo.readNotices(db, userId, roomId, at);
}

/**
 * Tells each user's open tabs their new unread count. Best effort: the bell also refreshes on its
 * own, so a bus that is down delays the number and never loses a notice.
 */
export async function pushUnreadCounts(db: Db, live: Publisher, userIds: string[]): Promise<void> {
  const users = [...new Set(userIds)];
  if (users.length === 0) return;
  const unread = await repo.unreadCounts(db, users);
  await Promise.allSettled(
    users.map((userId) => live.publish(userChannel(userId), JSON.stringify({ type: 'notification', unread: unread.get(userId) ?? 0 }))),
  );
}

// ── Writing to people ──────────────────────────────────────────────────────────────────────

/**
 * Queues one catalogue email, in the caller's transaction. A closed account gets none but the
 * confirmation of its closing (events queued before it closed still run).
 */
export async function sendEmail(trx: Db, to: string, template: string, email: Rendered): Promise<void> {
  if (template !== 'account.closed' && (await isClosedAddress(trx, to))) return;
  await queueEmail(trx, { to, template, ...email });
}

async function isClosedAddress(db: Db, address: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('email', '=', address).where('closed_at', 'is not', null).executeTakeFirst();
  return row !== undefined;
}

export type SessionNotice = {
  userId: string;
  sessionId: string;
  /** What the bell says. */
  bell: string;
  template: string;
  /** The email as written when names may be shown… */
  named: Rendered;
  /** …and as written in discreet mode: no name, no time. */
  discreet: Rendered;
};

/** A notice about a live session: in the bell, and by email unless declined, generic in discreet mode. */
export async function tellAboutSession(trx: Db, notice: SessionNotice): Promise<void> {
  await repo.addNotice(trx, { user_id: notice.userId, kind: 'session', live_session_id: notice.sessionId, text: notice.bell });
  const contact = await repo.contactOf(trx, notice.userId);
  if (!contact.email_sessions) return;
  await sendEmail(trx, contact.email, notice.template, contact.discreet_notifications ? notice.discreet : notice.named);
}
