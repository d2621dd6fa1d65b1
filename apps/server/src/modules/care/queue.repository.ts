// The matching queue, its figures for operations, and safety follow-up: what care.repository.ts
// leaves to the queue service.
import type { UsStateCode } from '@haven/contract';
import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { MatchQueueTable, SafetyFlagsTable } from '../../platform/db/schema.ts';

export type QueueRow = Selectable<MatchQueueTable>;
export type SafetyFlagRow = Selectable<SafetyFlagsTable>;

// ── Safety ─────────────────────────────────────────────────────────────────────────────────

/** Raises (or adds reasons to) the client's one open flag. */
export async function raiseSafetyFlag(trx: Db, clientId: string, reasons: string[], item9: number | null): Promise<void> {
  const open = await trx
    .selectFrom('safety_flags')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('followed_up_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!open) {
    await trx.insertInto('safety_flags').values({ client_id: clientId, reasons, item9 }).execute();
    return;
  }
  const merged = [...new Set([...open.reasons, ...reasons])];
  await trx
    .updateTable('safety_flags')
    .set({ reasons: merged, item9: item9 ?? open.item9 })
    .where('id', '=', open.id)
    .execute();
}

export function hasOpenSafetyFlag(db: Db, clientId: string): Promise<boolean> {
  return db
    .selectFrom('safety_flags')
    .select('id')
    .where('client_id', '=', clientId)
    .where('followed_up_at', 'is', null)
    .executeTakeFirst()
    .then(Boolean);
}

export function safetyFlags(db: Db, filter: { openOnly?: boolean; id?: string }) {
  let query = db
    .selectFrom('safety_flags as f')
    .innerJoin('clients as c', 'c.id', 'f.client_id')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .selectAll('f')
    .select(['u.preferred_name as client_name', 'u.email as client_email', 'c.state as client_state'])
    .orderBy(sql`f.followed_up_at is not null`)
    .orderBy('f.raised_at', 'desc')
    .limit(200);
  if (filter.openOnly) query = query.where('f.followed_up_at', 'is', null);
  if (filter.id) query = query.where('f.id', '=', filter.id);
  return query.execute();
}

export function followUpSafetyFlag(trx: Db, flagId: string, adminId: string, noteSealed: string, now: Date) {
  return trx
    .updateTable('safety_flags')
    .set({ followed_up_at: now, followed_up_by: adminId, follow_up_note_sealed: noteSealed })
    .where('id', '=', flagId)
    .where('followed_up_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

// ── The queue ────────────────────────────────────────────────────────────────────────────────

export function queueEntry(db: Db, clientId: string): Promise<QueueRow | undefined> {
  return db.selectFrom('match_queue').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export async function enqueue(trx: Db, row: Insertable<MatchQueueTable>): Promise<void> {
  await trx
    .insertInto('match_queue')
    .values(row)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .execute();
}

export async function dequeue(trx: Db, clientId: string): Promise<void> {
  await trx.deleteFrom('match_queue').where('client_id', '=', clientId).execute();
}

export function queuedClients(db: Db) {
  return db
    .selectFrom('match_queue as q')
    .innerJoin('clients as c', 'c.id', 'q.client_id')
    .selectAll('c')
    .select(['q.since', 'q.reason', 'q.leaving_provider'])
    .orderBy('q.since')
    .execute();
}

/** How many of those waiting in the same state are ahead of (or level with) this client. */
export async function queuePosition(db: Db, state: UsStateCode, since: Date): Promise<number> {
  const { n } = await db
    .selectFrom('match_queue as q')
    .innerJoin('clients as c', 'c.id', 'q.client_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('c.state', '=', state)
    .where('q.since', '<=', since)
    .executeTakeFirstOrThrow();
  return Math.max(1, Number(n));
}

/** Places freed per day over recent weeks at providers licensed in the state (ended assignments). */
export async function dailyFreedPlaces(db: Db, state: UsStateCode, today: string, since: Date, days: number): Promise<number> {
  const { n } = await db
    .selectFrom('care_assignments as a')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('a.ended_at', '>=', since)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('licences as l')
          .select('l.id')
          .whereRef('l.provider_id', '=', 'a.provider_id')
          .where('l.state', '=', state)
          .where('l.status', '=', 'verified')
          .where(sql<boolean>`l.expires_on >= ${today}::date`),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(n) / days;
}

export function queueOverview(db: Db, limit: number) {
  return Promise.all([
    db
      .selectFrom('match_queue')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('match_queue as q')
      .innerJoin('clients as c', 'c.id', 'q.client_id')
      .innerJoin('users as u', 'u.id', 'c.user_id')
      .select(['c.id', 'u.preferred_name', 'c.state', 'c.required_languages', 'q.since', 'q.reason'])
      .orderBy('q.since')
      .limit(limit)
      .execute(),
  ]);
}

/** Seconds from starting to wait to being matched, for every match started since `since`. */
export async function matchWaits(db: Db, since: Date): Promise<number[]> {
  const rows = await db
    .selectFrom('care_assignments')
    .select(sql<number>`extract(epoch from (started_at - waiting_since))::float8`.as('seconds'))
    .where('started_at', '>=', since)
    .execute();
  return rows.map((row) => Number(row.seconds));
}

export async function recordMatchingRun(db: Db, run: { assigned: number; still_waiting: number; duration_ms: number }): Promise<void> {
  await db.insertInto('matching_runs').values(run).execute();
}

export function lastMatchingRun(db: Db) {
  return db.selectFrom('matching_runs').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
}
