// Reminders before a live session (PRODUCT §2.5), each recorded exactly once as a
// `session.reminder_due` event; the notifications module writes the bell notice and the email.
//
// Why a table and not a job queue: a well-kept PostgreSQL queue (pg-boss, graphile-worker) wants
// LISTEN/NOTIFY, a schema of its own and several connections, which the embedded PGlite default
// (one in-process connection) does not offer. So reminders are rows in `session_reminders`: a worker
// claims due rows with FOR UPDATE SKIP LOCKED and, in that same transaction, records the event and
// marks the row done. A crash before the commit leaves the row due for the next run; after it the
// row is done — a restart or a second worker never reminds twice.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';
import { sessionFacts } from './sessions.presenter.ts';

const MINUTE_MS = 60_000;
const OPEN_STATUSES = ['booked', 'requested'] as const;

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
      'r.minutes_before',
      's.id as session_id',
      's.status',
      's.starts_at',
      's.modality',
      's.current_modality',
      'c.user_id as client_user_id',
      'p.user_id as provider_user_id',
      'c.time_zone as client_time_zone',
      'cu.preferred_name as client_name',
      'p.first_name as provider_first_name',
      'p.last_name as provider_last_name',
      'p.time_zone as provider_time_zone',
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
 * Records every reminder due at `now`, `batch` at a time, each batch in one transaction; reminders
 * of sessions cancelled, completed or already started are marked skipped instead.
 */
export async function sendDueReminders(db: Db, now = new Date(), batch = 100): Promise<{ sent: number; skipped: number }> {
  const totals = { sent: 0, skipped: 0 };
  for (;;) {
    const { claimed, sent } = await db.transaction().execute(async (trx) => {
      const due = await claimDue(trx, now, batch);
      const toSend = due.filter((reminder) => stillAhead(reminder, now));
      for (const reminder of toSend) await remind(trx, reminder);
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
      return { claimed: due.length, sent: toSend.length };
    });
    totals.sent += sent;
    totals.skipped += claimed - sent;
    if (claimed < batch) return totals;
  }
}

async function markDone(trx: Db, ids: DueReminder['id'][], outcome: 'sent' | 'skipped', now: Date): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('session_reminders').set({ done_at: now, outcome }).where('id', 'in', ids).execute();
}

function remind(trx: Db, r: DueReminder): Promise<void> {
  const facts = sessionFacts({ ...r, id: r.session_id });
  return recordEvent(trx, { type: 'session.reminder_due', payload: { ...facts, userId: r.user_id, minutesBefore: r.minutes_before } });
}
