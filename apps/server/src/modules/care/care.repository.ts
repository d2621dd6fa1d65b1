import type { UsStateCode } from '@haven/contract';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { CareAssignmentsTable, ClientsTable, LiveSessionsTable, ProvidersTable, QueueReason } from '../../platform/db/schema.ts';

export type ClientRow = Selectable<ClientsTable>;
export type AssignmentRow = Selectable<CareAssignmentsTable>;
export type SessionRow = Selectable<LiveSessionsTable>;
/** A provider as matching sees them: the row, the states of their counting licences, their load. */
export type CandidateRow = Selectable<ProvidersTable> & { licensed_states: string[]; load: number; outcomes: StoredOutcome[] };
/** A measured course of care with the provider: [first concern, starting band, improved] (care_outcomes). */
export type StoredOutcome = [string, number, boolean];

// ── Clients ────────────────────────────────────────────────────────────────────────────────

export function findClientByUser(db: Db, userId: string): Promise<ClientRow | undefined> {
  return db.selectFrom('clients').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** The client record behind an account, created on first use (no intake answers yet). */
export async function ensureClient(db: Db, userId: string): Promise<ClientRow> {
  await db
    .insertInto('clients')
    .values({ user_id: userId })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  return db.selectFrom('clients').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
}

export function lockClient(trx: Db, clientId: string): Promise<ClientRow | undefined> {
  return trx.selectFrom('clients').selectAll().where('id', '=', clientId).forUpdate().executeTakeFirst();
}

export async function updateClient(db: Db, clientId: string, changes: Updateable<ClientsTable>): Promise<void> {
  await db
    .updateTable('clients')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', clientId)
    .execute();
}

export function clientsByIds(db: Db, ids: string[]): Promise<ClientRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('clients').selectAll().where('id', 'in', ids).execute();
}

export async function insertScreenerResults(
  trx: Db,
  rows: Array<{ id: string; client_id: string; instrument: 'phq9' | 'gad7'; sealed: string }>,
): Promise<void> {
  if (rows.length) await trx.insertInto('screener_results').values(rows).execute();
}

// ── Candidates ─────────────────────────────────────────────────────────────────────────────

/**
 * Active providers with the states of their verified, unexpired licences and their current load;
 * with `state`, only those licensed there. Matching applies the hard rules itself.
 */
export function candidateProviders(db: Db, today: string, filter: { state?: UsStateCode; ids?: string[] } = {}): Promise<CandidateRow[]> {
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
      sql<StoredOutcome[]>`coalesce((select json_agg(json_build_array(o.focus_area, o.starting_band, o.improved))
        from care_outcomes o where o.provider_id = p.id), '[]')`.as('outcomes'),
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
export async function lockProviderLoad(
  trx: Db,
  providerId: string,
): Promise<{ status: string; capacity: number | null; load: number } | undefined> {
  const provider = await trx
    .selectFrom('providers')
    .select(['status', 'capacity'])
    .where('id', '=', providerId)
    .forUpdate()
    .executeTakeFirst();
  if (!provider) return undefined;
  const { n } = await trx
    .selectFrom('care_assignments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('provider_id', '=', providerId)
    .where('ended_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { status: provider.status, capacity: provider.capacity, load: Number(n) };
}

// ── Rooms and assignments ──────────────────────────────────────────────────────────────────

export async function ensureRoom(trx: Db, clientId: string): Promise<string> {
  await trx
    .insertInto('rooms')
    .values({ client_id: clientId })
    .onConflict((oc) => oc.column('client_id').doNothing())
    .execute();
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
  end: { at: Date; reason: 'switch' | 'provider_left' | 'closed'; noteSealed?: string | null },
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
  await trx
    .updateTable('live_sessions')
    .set({ status: change.status, outcome: change.outcome, settled_at: change.at })
    .where('id', '=', sessionId)
    .execute();
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

/** Closed clients whose retention period is over and whose record is not yet destroyed. */
export function clientsDueForShredding(db: Db, now: Date): Promise<Array<{ id: string; user_id: string }>> {
  return db
    .selectFrom('clients')
    .select(['id', 'user_id'])
    .where('retain_until', '<=', now)
    .where('shredded_at', 'is', null)
    .limit(100)
    .execute();
}

export async function markShredded(trx: Db, clientId: string, now: Date): Promise<void> {
  await trx.updateTable('clients').set({ shredded_at: now }).where('id', '=', clientId).execute();
}

export async function setRetainUntil(trx: Db, clientId: string, retainUntil: Date): Promise<void> {
  await trx.updateTable('clients').set({ retain_until: retainUntil }).where('id', '=', clientId).execute();
}

// ── A client's own record (export) ─────────────────────────────────────────────────────────

export function screenerResultsOf(db: Db, clientId: string) {
  return db
    .selectFrom('screener_results')
    .select(['id', 'instrument', 'sealed', 'taken_at'])
    .where('client_id', '=', clientId)
    .orderBy('taken_at')
    .orderBy('instrument', 'desc')
    .execute();
}

/** Every provider who has cared for the client, current or past, with when. */
export function careTeamOf(db: Db, clientId: string) {
  return db
    .selectFrom('care_assignments as a')
    .innerJoin('providers as p', 'p.id', 'a.provider_id')
    .select(['p.id', 'p.user_id', 'p.first_name', 'p.last_name', 'p.credentials', 'p.npi', 'a.started_at', 'a.ended_at'])
    .where('a.client_id', '=', clientId)
    .orderBy('a.started_at')
    .execute();
}

/**
 * After a closed record's retention period, what care kept in clear about the client goes too:
 * safety flags (item-9 answers), matching preferences, measured outcomes and the reasons of each match.
 */
export async function eraseClearCareData(trx: Db, clientId: string): Promise<void> {
  await trx.deleteFrom('safety_flags').where('client_id', '=', clientId).execute();
  await trx
    .deleteFrom('care_outcomes')
    .where('assignment_id', 'in', (eb) => eb.selectFrom('care_assignments').select('id').where('client_id', '=', clientId))
    .execute();
  await trx
    .updateTable('care_assignments')
    .set({ reasons: JSON.stringify([]) })
    .where('client_id', '=', clientId)
    .execute();
  await trx
    .updateTable('clients')
    .set({
      state: null,
      focus_areas: [],
      approaches: [],
      preferred_languages: [],
      required_languages: [],
      preferred_times: [],
      provider_gender: null,
      severity_band: null,
    })
    .where('id', '=', clientId)
    .execute();
}
