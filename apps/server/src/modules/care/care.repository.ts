import type { Insertable, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  CareAssignmentsTable,
  ClientsTable,
  LiveSessionsTable,
  MatchQueueTable,
  ProvidersTable,
  QueueReason,
  SafetyFlagsTable,
} from '../../platform/db/schema.ts';

export type ClientRow = Selectable<ClientsTable>;
export type AssignmentRow = Selectable<CareAssignmentsTable>;
export type QueueRow = Selectable<MatchQueueTable>;
export type SafetyFlagRow = Selectable<SafetyFlagsTable>;
export type SessionRow = Selectable<LiveSessionsTable>;
/** A provider as matching sees them: the row, the states of their counting licences, their load. */
export type CandidateRow = Selectable<ProvidersTable> & { licensed_states: string[]; load: number };

// ── Clients ────────────────────────────────────────────────────────────────────────────────

export function findClientByUser(db: Db, userId: string): Promise<ClientRow | undefined> {
  return db.selectFrom('clients').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** The client record behind an account, created on first use (no intake answers yet). */
export async function ensureClient(db: Db, userId: string): Promise<ClientRow> {
  await db.insertInto('clients').values({ user_id: userId }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
  return db.selectFrom('clients').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
}

export function lockClient(trx: Db, clientId: string): Promise<ClientRow | undefined> {
  return trx.selectFrom('clients').selectAll().where('id', '=', clientId).forUpdate().executeTakeFirst();
}

export async function updateClient(db: Db, clientId: string, changes: Updateable<ClientsTable>): Promise<void> {
  await db.updateTable('clients').set({ ...changes, updated_at: new Date() }).where('id', '=', clientId).execute();
}

export function clientsByIds(db: Db, ids: string[]): Promise<ClientRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('clients').selectAll().where('id', 'in', ids).execute();
}

export async function insertScreenerResults(trx: Db, rows: Array<{ id: string; client_id: string; instrument: 'phq9' | 'gad7'; sealed: string }>): Promise<void> {
  if (rows.length) await trx.insertInto('screener_results').values(rows).execute();
}

export async function clientContact(db: Db, clientId: string): Promise<{ email: string; name: string }> {
  const row = await db
    .selectFrom('clients')
    .innerJoin('users', 'users.id', 'clients.user_id')
    .select(['users.email', 'users.preferred_name'])
    .where('clients.id', '=', clientId)
    .executeTakeFirstOrThrow();
  return { email: row.email, name: row.preferred_name };
}

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

export function followUpSafetyFlag(trx: Db, flagId: string, adminId: string, note: string, now: Date) {
  return trx
    .updateTable('safety_flags')
    .set({ followed_up_at: now, followed_up_by: adminId, follow_up_note: note })
    .where('id', '=', flagId)
    .where('followed_up_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

// ── Candidates ─────────────────────────────────────────────────────────────────────────────

/**
 * Active providers with the states of their verified, unexpired licences and their current load;
 * with `state`, only those licensed there. Matching applies the hard rules itself.
 */
export function candidateProviders(db: Db, today: string, filter: { state?: string; ids?: string[] } = {}): Promise<CandidateRow[]> {
  let query = db
    .selectFrom('providers as p')
    .selectAll('p')
    .select((eb) => [
      sql<string[]>`coalesce((select array_agg(distinct l.state) from licences l
        where l.provider_id = p.id and l.status = 'verified' and l.expires_on >= ${today}::date), '{}')`.as('licensed_states'),
      eb
        .selectFrom('care_assignments as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.provider_id', '=', 'p.id')
        .where('a.ended_at', 'is', null)
        .as('load'),
    ]);
  if (filter.ids) query = query.where('p.id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  else query = query.where('p.status', '=', 'active');
  if (filter.state) {
    const state = filter.state;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('licences as l')
          .select('l.id')
          .whereRef('l.provider_id', '=', 'p.id')
          .where('l.state', '=', state)
          .where('l.status', '=', 'verified')
          .where(sql<boolean>`l.expires_on >= ${today}::date`),
      ),
    );
  }
  return query.execute().then((rows) => rows.map((row) => ({ ...row, load: Number(row.load ?? 0) })));
}

/** Providers by name, among those who have ever been in the network (not mid-onboarding). */
export function providersNamed(db: Db, firstName: string, lastName: string) {
  return db
    .selectFrom('providers')
    .select(['id', 'first_name', 'last_name'])
    .where(sql`lower(first_name)`, '=', firstName.toLowerCase())
    .where(sql`lower(last_name)`, '=', lastName.toLowerCase())
    .where('status', 'in', ['active', 'inactive'])
    .execute();
}

/** Locks the provider and counts their current clients, so two matches cannot both take the last place. */
export async function lockProviderLoad(trx: Db, providerId: string): Promise<{ status: string; capacity: number | null; load: number } | undefined> {
  const provider = await trx.selectFrom('providers').select(['status', 'capacity']).where('id', '=', providerId).forUpdate().executeTakeFirst();
  if (!provider) return undefined;
  const { n } = await trx
    .selectFrom('care_assignments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('provider_id', '=', providerId)
    .where('ended_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { status: provider.status, capacity: provider.capacity, load: Number(n) };
}

// ── Rooms, assignments, queue ──────────────────────────────────────────────────────────────

export async function ensureRoom(trx: Db, clientId: string): Promise<string> {
  await trx.insertInto('rooms').values({ client_id: clientId }).onConflict((oc) => oc.column('client_id').doNothing()).execute();
  const room = await trx.selectFrom('rooms').select('id').where('client_id', '=', clientId).executeTakeFirstOrThrow();
  return room.id;
}

export function roomOf(db: Db, clientId: string): Promise<string | null> {
  return db
    .selectFrom('rooms')
    .select('id')
    .where('client_id', '=', clientId)
    .executeTakeFirst()
    .then((row) => row?.id ?? null);
}

export function currentAssignment(db: Db, clientId: string): Promise<AssignmentRow | undefined> {
  return db.selectFrom('care_assignments').selectAll().where('client_id', '=', clientId).where('ended_at', 'is', null).executeTakeFirst();
}

export function assignmentsOf(db: Db, clientId: string): Promise<AssignmentRow[]> {
  return db.selectFrom('care_assignments').selectAll().where('client_id', '=', clientId).orderBy('started_at', 'desc').execute();
}

export function currentAssignmentsOfProvider(db: Db, providerId: string): Promise<AssignmentRow[]> {
  return db.selectFrom('care_assignments').selectAll().where('provider_id', '=', providerId).where('ended_at', 'is', null).execute();
}

export function insertAssignment(trx: Db, row: Insertable<CareAssignmentsTable>): Promise<AssignmentRow> {
  return trx.insertInto('care_assignments').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function endAssignment(
  trx: Db,
  assignmentId: string,
  end: { at: Date; reason: 'switch' | 'provider_left'; noteSealed?: string | null },
): Promise<void> {
  await trx
    .updateTable('care_assignments')
    .set({ ended_at: end.at, end_reason: end.reason, end_note_sealed: end.noteSealed ?? null })
    .where('id', '=', assignmentId)
    .where('ended_at', 'is', null)
    .execute();
}

export async function setMayReadEarlier(db: Db, assignmentId: string, clientId: string, value: boolean): Promise<boolean> {
  const result = await db
    .updateTable('care_assignments')
    .set({ may_read_earlier: value })
    .where('id', '=', assignmentId)
    .where('client_id', '=', clientId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function queueEntry(db: Db, clientId: string): Promise<QueueRow | undefined> {
  return db.selectFrom('match_queue').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export async function enqueue(trx: Db, row: Insertable<MatchQueueTable>): Promise<void> {
  await trx.insertInto('match_queue').values(row).onConflict((oc) => oc.column('client_id').doNothing()).execute();
}

export async function dequeue(trx: Db, clientId: string): Promise<void> {
  await trx.deleteFrom('match_queue').where('client_id', '=', clientId).execute();
}

export function queuedClients(db: Db) {
  return db.selectFrom('match_queue as q').innerJoin('clients as c', 'c.id', 'q.client_id').selectAll('c').select(['q.since', 'q.reason', 'q.leaving_provider']).orderBy('q.since').execute();
}

/** How many of those waiting in the same state are ahead of (or level with) this client. */
export async function queuePosition(db: Db, state: string, since: Date): Promise<number> {
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
export async function dailyFreedPlaces(db: Db, state: string, today: string, since: Date, days: number): Promise<number> {
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
    db.selectFrom('match_queue').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
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

// ── Sessions and notices ───────────────────────────────────────────────────────────────────

export function insertSession(trx: Db, row: Insertable<LiveSessionsTable>): Promise<SessionRow> {
  return trx.insertInto('live_sessions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function upcomingSessionsOfClient(db: Db, clientId: string, now: Date): Promise<SessionRow[]> {
  return db
    .selectFrom('live_sessions')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('status', 'in', ['requested', 'booked'])
    .where('ends_at', '>', now)
    .orderBy('starts_at')
    .execute();
}

export async function addNotice(trx: Db, clientId: string, providerName: string): Promise<void> {
  await trx.insertInto('client_notices').values({ client_id: clientId, kind: 'provider_left', provider_name: providerName }).execute();
}

export function noticesOf(db: Db, clientId: string) {
  return db.selectFrom('client_notices').selectAll().where('client_id', '=', clientId).orderBy('at', 'desc').limit(10).execute();
}

export function providerNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return Promise.resolve(new Map<string, string>());
  return db
    .selectFrom('providers')
    .select(['id', 'first_name', 'last_name'])
    .where('id', 'in', ids)
    .execute()
    .then((rows) => new Map(rows.map((row) => [row.id, `${row.first_name} ${row.last_name}`])));
}

// ── Domain events this module reacts to ────────────────────────────────────────────────────

export function unprocessedEvents(db: Db, types: string[], limit: number) {
  return db.selectFrom('domain_events').selectAll().where('processed_at', 'is', null).where('type', 'in', types).orderBy('seq').limit(limit).execute();
}

export async function markEventProcessed(db: Db, seq: string): Promise<void> {
  await db.updateTable('domain_events').set({ processed_at: new Date() }).where('seq', '=', seq).execute();
}

export type { QueueReason };

// ── Live sessions and caseload ─────────────────────────────────────────────────────────────

export function lockSession(trx: Db, sessionId: string): Promise<SessionRow | undefined> {
  return trx.selectFrom('live_sessions').selectAll().where('id', '=', sessionId).forUpdate().executeTakeFirst();
}

export async function closeSession(
  trx: Db,
  sessionId: string,
  change: { status: 'cancelled' | 'completed'; outcome: NonNullable<SessionRow['outcome']>; at: Date },
): Promise<void> {
  await trx.updateTable('live_sessions').set({ status: change.status, outcome: change.outcome, settled_at: change.at }).where('id', '=', sessionId).execute();
}

export function caseloadOf(db: Db, providerId: string) {
  return db
    .selectFrom('care_assignments as a')
    .innerJoin('clients as c', 'c.id', 'a.client_id')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id as client_id', 'a.room_id', 'u.preferred_name', 'a.started_at', 'c.coverage'])
    .where('a.provider_id', '=', providerId)
    .where('a.ended_at', 'is', null)
    .orderBy('a.started_at')
    .execute();
}

export function providerSessionsSince(db: Db, providerId: string, clientIds: string[], since: Date): Promise<SessionRow[]> {
  if (clientIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('live_sessions')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('client_id', 'in', clientIds)
    .where('starts_at', '>=', since)
    .orderBy('starts_at')
    .execute();
}

export function openMessagingSessionsOf(db: Db, providerId: string) {
  return db.selectFrom('messaging_sessions').selectAll().where('provider_id', '=', providerId).where('status', '=', 'open').execute();
}
