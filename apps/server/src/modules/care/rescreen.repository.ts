// Re-screening's rows: each client's interval, the latest result, and the reminder per due cycle.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export async function setInterval(db: Db, clientId: string, days: number): Promise<void> {
  await db.updateTable('clients').set({ rescreen_interval_days: days }).where('id', '=', clientId).execute();
}

/**
 * Clients in care (a current provider) whose latest screener plus their interval is at or before
 * `now`, with the moment it fell due. Clients without a provider are not reminded: the intake's
 * screeners serve matching.
 */
export function dueClients(db: Db, now: Date) {
  return db
    .selectFrom('clients as c')
    .innerJoin('care_assignments as a', (join) => join.onRef('a.client_id', '=', 'c.id').on('a.ended_at', 'is', null))
    .innerJoin('screener_results as s', 's.client_id', 'c.id')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .where('u.closed_at', 'is', null)
    .groupBy(['c.id', 'c.rescreen_interval_days'])
    .select(['c.id', sql<Date>`max(s.taken_at) + make_interval(days => c.rescreen_interval_days)`.as('due_at')])
    .having(sql<boolean>`max(s.taken_at) + make_interval(days => c.rescreen_interval_days) <= ${now}`)
    .execute();
}

/** True the first time a cycle is claimed; any later run finds it taken. */
export async function claimReminder(trx: Db, clientId: string, dueAt: Date): Promise<boolean> {
  const result = await trx
    .insertInto('rescreen_reminders')
    .values({ client_id: clientId, due_at: dueAt })
    .onConflict((oc) => oc.columns(['client_id', 'due_at']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function providerUserOf(db: Db, providerId: string) {
  return db.selectFrom('providers').select(['user_id']).where('id', '=', providerId).executeTakeFirst();
}
