// Reminders before a live session and notices when one changes (PRODUCT §2.5): in the bell and by
// email, each reminder sent exactly once, nameless by email in discreet mode.
//
// Why a table and not a job queue: a well-kept PostgreSQL queue (pg-boss, graphile-worker) wants
// LISTEN/NOTIFY, a schema of its own and several connections, which the embedded PGlite default
// (one in-process connection) does not offer. So reminders are rows in `session_reminders`: a worker
// claims due rows with FOR UPDATE SKIP LOCKED and, in that same transaction, writes the bell notice,
// queues the email and marks the row done. A crash before the commit leaves the row due for the
// next run; after it the row is done — a restart or a second worker never sends one twice.
import { isIanaTimeZone } from '@haven/domain';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { LiveBus } from '../../platform/events/live-bus.ts';
import { queueEmail } from '../../platform/mail/outbox.ts';

const MINUTE_MS = 60_000;
const OPEN_STATUSES = ['booked', 'requested'] as const;

export type Publisher = Pick<LiveBus, 'publish'>;
/** What reaches beyond the database: the live bell count, and the address links in email point to. */
export type Reach = { live?: Publisher; publicUrl?: string };

/** The per-user live channel; a tab subscribed to it hears `{ type: 'notification', unread }`. */
export const userChannel = (userId: string) => `user:${userId}`;

// ── Scheduling ─────────────────────────────────────────────────────────────────────────────

/**
 * One reminder per party per offset whose time is still ahead, in the booking's transaction.
 * Calling it again is harmless. A rescheduled session is a new row (`rescheduled_from`) with its
 * own reminders; the old one's are skipped once it is cancelled.
 */
export async function scheduleReminders(
  trx: Db,
  session: { id: string; startsAt: Date; userIds: string[] },
  minutesBefore: number[],
  now: Date,
): Promise<void> {
  const rows = [...new Set(session.userIds)].flatMap((userId) =>
    [...new Set(minutesBefore)].map((minutes) => ({
      session_id: session.id,
      user_id: userId,
      minutes_before: minutes,
      due_at: new Date(session.startsAt.getTime() - minutes * MINUTE_MS),
    })),
  );
  const ahead = rows.filter((row) => row.due_at > now);
  if (ahead.length === 0) return;
  await trx
    .insertInto('session_reminders')
    .values(ahead)
    .onConflict((oc) => oc.columns(['session_id', 'user_id', 'minutes_before']).doNothing())
    .execute();
}

// ── Sending ────────────────────────────────────────────────────────────────────────────────

type DueReminder = Awaited<ReturnType<typeof claimDue>>[number];

/**
 * Locks up to `batch` due reminders no other worker holds, oldest first, with what their text
 * needs. Only the reminder rows are locked (`OF r`), never the session or the people.
 */
function claimDue(trx: Db, now: Date, batch: number) {
  return trx
    .selectFrom('session_reminders as r')
    .innerJoin('live_sessions as s', 's.id', 'r.session_id')
    .innerJoin('clients as c', 'c.id', 's.client_id')
    .innerJoin('users as cu', 'cu.id', 'c.user_id')
    .innerJoin('providers as p', 'p.id', 's.provider_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'r.user_id',
      's.id as session_id',
      's.status',
      's.starts_at',
      's.modality',
      's.current_modality',
      'c.user_id as client_user_id',
      'c.time_zone as client_time_zone',
      'cu.preferred_name as client_name',
      'p.first_name as provider_first_name',
      'p.last_name as provider_last_name',
      'p.time_zone as provider_time_zone',
      'u.email',
      'u.discreet_notifications',
      // A nearer reminder to the same person is due too (the worker was down): send only that one.
      sql<boolean>`exists (
        select 1 from session_reminders nearer
        where nearer.session_id = r.session_id and nearer.user_id = r.user_id
          and nearer.minutes_before < r.minutes_before and nearer.due_at <= ${now}
      )`.as('superseded'),
    ])
    .where('r.done_at', 'is', null)
    .where('r.due_at', '<=', now)
    .orderBy('r.due_at')
    .orderBy('r.id')
    .limit(batch)
    .forUpdate('r')
    .skipLocked()
    .execute();
}

const stillAhead = (reminder: DueReminder, now: Date) =>
  (OPEN_STATUSES as readonly string[]).includes(reminder.status) && new Date(reminder.starts_at) > now && !reminder.superseded;

/**
 * Sends every reminder due at `now`, `batch` at a time, each batch in one transaction; reminders
 * of sessions cancelled, completed or already started are marked skipped instead. After each
 * commit the recipients' bell counts are pushed live.
 */
export async function sendDueReminders(
  db: Db,
  now = new Date(),
  batch = 100,
  reach: Reach = {},
): Promise<{ sent: number; skipped: number }> {
  const totals = { sent: 0, skipped: 0 };
  for (;;) {
    const { claimed, sent } = await db.transaction().execute(async (trx) => {
      const due = await claimDue(trx, now, batch);
      const toSend = due.filter((reminder) => stillAhead(reminder, now));
      for (const reminder of toSend) await remind(trx, reminder, reach.publicUrl);
      await markDone(
        trx,
        toSend.map((r) => r.id),
        'sent',
        now,
      );
      await markDone(
        trx,
        due.filter((r) => !toSend.includes(r)).map((r) => r.id),
        'skipped',
        now,
      );
      return { claimed: due.length, sent: toSend };
    });
    totals.sent += sent.length;
    totals.skipped += claimed - sent.length;
    await pushUnreadCounts(
      db,
      reach.live,
      sent.map((r) => r.user_id),
    );
    if (claimed < batch) return totals;
  }
}

async function markDone(trx: Db, ids: string[], outcome: 'sent' | 'skipped', now: Date): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('session_reminders').set({ done_at: now, outcome }).where('id', 'in', ids).execute();
}

const modalityNames = { video: 'video session', audio: 'audio session', chat: 'live chat session' } as const;

async function remind(trx: Db, reminder: DueReminder, publicUrl: string | undefined): Promise<void> {
  const toClient = reminder.user_id === reminder.client_user_id;
  const otherName = toClient ? `${reminder.provider_first_name} ${reminder.provider_last_name}` : reminder.client_name;
  // Each party reads the time in their own zone; a client without one reads their provider's.
  const zone = toClient ? (reminder.client_time_zone ?? reminder.provider_time_zone) : reminder.provider_time_zone;
  const what = modalityNames[reminder.current_modality ?? reminder.modality];
  const text = `Reminder: your ${what} with ${otherName} starts ${sessionTime(new Date(reminder.starts_at), zone)}.`;
  await trx
    .insertInto('notifications')
    .values({ user_id: reminder.user_id, kind: 'session', live_session_id: reminder.session_id, text })
    .execute();
  const email = reminder.discreet_notifications
    ? { subject: 'Reminder: you have a session soon', text: `You have a session coming up soon.\n\n${openHaven(publicUrl)}\n` }
    : { subject: `Reminder: ${what} with ${otherName}`, text: `${text}\n\n${openHaven(publicUrl, reminder.session_id)}\n` };
  await queueEmail(trx, { to: reminder.email, ...email });
}

// The session's own page only when names may be shown; the discreet link is the bare address.
function openHaven(publicUrl: string | undefined, sessionId?: string): string {
  if (!publicUrl) return 'Open Haven to see it.';
  return `Open Haven to see it: ${publicUrl}${sessionId ? `/sessions/${sessionId}` : ''}`;
}

/** "Tue 24 Nov at 3:00 PM (America/Chicago)": the zone is named, so the time cannot be misread. */
export function sessionTime(at: Date, timeZone: string | null): string {
  const zone = timeZone && isIanaTimeZone(timeZone) ? timeZone : 'UTC';
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.weekday} ${part.day} ${part.month} at ${part.hour}:${part.minute} ${part.dayPeriod} (${zone})`;
}

// ── Changes ────────────────────────────────────────────────────────────────────────────────

export type SessionChange = {
  userId: string;
  sessionId: string;
  /** What the bell says, e.g. "Dr Ana Díaz confirmed your session on Tue 24 Nov at 3:00 PM (America/Chicago)." */
  text: string;
  /** The email as written when names may be shown. */
  email: { subject: string; text: string };
  /** The address the discreet email points to (no session id in it). */
  publicUrl?: string;
};

/**
 * A confirmation, decline, reschedule or cancellation told to one party, in the changer's
 * transaction: a bell notice and an email — generic in discreet mode, with no name and no time.
 * Call `pushUnreadCounts` after the commit.
 */
export async function notifySessionChange(trx: Db, change: SessionChange): Promise<void> {
  await trx
    .insertInto('notifications')
    .values({ user_id: change.userId, kind: 'session', live_session_id: change.sessionId, text: change.text })
    .execute();
  const contact = await trx
    .selectFrom('users')
    .select(['email', 'discreet_notifications'])
    .where('id', '=', change.userId)
    .executeTakeFirstOrThrow();
  const email = contact.discreet_notifications
    ? { subject: 'An update about your session', text: `Something changed about one of your sessions.\n\n${openHaven(change.publicUrl)}\n` }
    : change.email;
  await queueEmail(trx, { to: contact.email, ...email });
}

/**
 * Tells each user's open tabs their new unread count. Best effort: the bell also refreshes on its
 * own, so a bus that is down delays the number and never loses a notice.
 */
export async function pushUnreadCounts(db: Db, live: Publisher | undefined, userIds: string[]): Promise<void> {
  const users = [...new Set(userIds)];
  if (!live || users.length === 0) return;
  const rows = await db
    .selectFrom('notifications')
    .select(['user_id', sql<number>`count(*)::int`.as('unread')])
    .where('user_id', 'in', users)
    .where('read_at', 'is', null)
    .groupBy('user_id')
    .execute();
  const unread = new Map(rows.map((row) => [row.user_id, Number(row.unread)]));
  await Promise.allSettled(
    users.map((userId) => live.publish(userChannel(userId), JSON.stringify({ type: 'notification', unread: unread.get(userId) ?? 0 }))),
  );
}
