// Live-session rows with the two people they join. Every read that can reach the browser goes
// through `sessionsWithParties`, so names and user ids come from one query.
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { LiveSessionsTable, ProvidersTable } from '../../platform/db/schema.ts';

export type SessionRow = Selectable<LiveSessionsTable>;
export type SessionWithParties = SessionRow & {
  client_user_id: string;
  client_name: string;
  client_time_zone: string | null;
  provider_user_id: string | null;
  provider_first_name: string;
  provider_last_name: string;
  provider_time_zone: string | null;
};

/** Still holding its slot: waiting for the provider, or confirmed. */
export const OPEN_STATUSES = ['requested', 'booked'] as const;

function withParties(db: Db) {
  return db
    .selectFrom('live_sessions as s')
    .innerJoin('clients as c', 'c.id', 's.client_id')
    .innerJoin('users as cu', 'cu.id', 'c.user_id')
    .innerJoin('providers as p', 'p.id', 's.provider_id')
    .selectAll('s')
    .select([
      'cu.id as client_user_id',
      'cu.preferred_name as client_name',
      'c.time_zone as client_time_zone',
      'p.user_id as provider_user_id',
      'p.first_name as provider_first_name',
      'p.last_name as provider_last_name',
      'p.time_zone as provider_time_zone',
    ]);
}

export function sessionWithParties(db: Db, sessionId: string): Promise<SessionWithParties | undefined> {
  return withParties(db).where('s.id', '=', sessionId).executeTakeFirst();
}

export function sessionsWithParties(db: Db, ids: string[]): Promise<SessionWithParties[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return withParties(db).where('s.id', 'in', ids).orderBy('s.starts_at').execute();
}

/** A person's sessions, newest first past `pastSince`, with everything still to come. */
export function sessionsOfParty(
  db: Db,
  party: { clientId: string } | { providerId: string },
  range: { from: Date; to?: Date },
): Promise<SessionWithParties[]> {
  let query = withParties(db).where('s.ends_at', '>', range.from);
  if (range.to) query = query.where('s.starts_at', '<', range.to);
  query = 'clientId' in party ? query.where('s.client_id', '=', party.clientId) : query.where('s.provider_id', '=', party.providerId);
  return query.orderBy('s.starts_at').limit(500).execute();
}

/** Every session of a client, oldest first (their record's export). */
export function sessionsOfClient(db: Db, clientId: string): Promise<SessionWithParties[]> {
  return withParties(db).where('s.client_id', '=', clientId).orderBy('s.starts_at').execute();
}

export function lockSession(trx: Db, sessionId: string): Promise<SessionRow | undefined> {
  return trx.selectFrom('live_sessions').selectAll().where('id', '=', sessionId).forUpdate().executeTakeFirst();
}

/** Open sessions with a provider that come within `marginMinutes` of [start, end). */
export function openSessionsNear(
  db: Db,
  providerId: string,
  start: Date,
  end: Date,
  marginMinutes: number,
  exceptId?: string,
): Promise<SessionRow[]> {
  const margin = marginMinutes * 60_000;
  let query = db
    .selectFrom('live_sessions')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('status', 'in', OPEN_STATUSES)
    .where('ends_at', '>', new Date(start.getTime() - margin))
    .where('starts_at', '<', new Date(end.getTime() + margin));
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.execute();
}

export function insertSession(trx: Db, row: Insertable<LiveSessionsTable>): Promise<SessionRow> {
  return trx.insertInto('live_sessions').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateSession(trx: Db, sessionId: string, changes: Updateable<LiveSessionsTable>): Promise<void> {
  await trx.updateTable('live_sessions').set(changes).where('id', '=', sessionId).execute();
}

/** Open sessions whose start is `graceMinutes` or more behind `now`: no-shows and stale requests. */
export function overdueSessions(db: Db, now: Date, graceMinutes: number, limit: number): Promise<SessionRow[]> {
  return db
    .selectFrom('live_sessions')
    .selectAll()
    .where('status', 'in', OPEN_STATUSES)
    .where('starts_at', '<=', new Date(now.getTime() - graceMinutes * 60_000))
    .where((eb) =>
      eb.or([
        eb('status', '=', 'requested'),
        eb('client_joined_at', 'is', null),
        eb('provider_joined_at', 'is', null),
        eb('ends_at', '<=', now),
      ]),
    )
    .orderBy('starts_at')
    .limit(limit)
    .execute();
}

/** Open sessions with a provider who is no longer the client's: after a switch, or when they left. */
export function orphanedSessions(db: Db, limit: number): Promise<SessionRow[]> {
  return db
    .selectFrom('live_sessions as s')
    .selectAll('s')
    .where('s.status', 'in', OPEN_STATUSES)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('care_assignments as a')
            .select('a.id')
            .whereRef('a.client_id', '=', 's.client_id')
            .whereRef('a.provider_id', '=', 's.provider_id')
            .where('a.ended_at', 'is', null),
        ),
      ),
    )
    .limit(limit)
    .execute();
}

export type ProviderBooking = Selectable<ProvidersTable> & { licensed_states: string[] };

/** What booking needs to know about a provider, with the states they may practise in today. */
export function providerForBooking(db: Db, providerId: string, today: string): Promise<ProviderBooking | undefined> {
  return db
    .selectFrom('providers as p')
    .selectAll('p')
    .select(
      sql<string[]>`coalesce((select array_agg(distinct l.state) from licences l
        where l.provider_id = p.id and l.status = 'verified' and l.expires_on >= ${today}::date), '{}')`.as('licensed_states'),
    )
    .where('p.id', '=', providerId)
    .executeTakeFirst();
}

export function providerOfUser(db: Db, userId: string): Promise<{ id: string; auto_confirm: boolean } | undefined> {
  return db.selectFrom('providers').select(['id', 'auto_confirm']).where('user_id', '=', userId).executeTakeFirst();
}

export async function setAutoConfirm(db: Db, providerId: string, autoConfirm: boolean): Promise<void> {
  await db.updateTable('providers').set({ auto_confirm: autoConfirm, updated_at: new Date() }).where('id', '=', providerId).execute();
}

export function clientOfUser(db: Db, userId: string): Promise<{ id: string; state: string | null } | undefined> {
  return db.selectFrom('clients').select(['id', 'state']).where('user_id', '=', userId).executeTakeFirst();
}

export function clientTimeZone(db: Db, clientId: string): Promise<string | null> {
  return db
    .selectFrom('clients')
    .select('time_zone')
    .where('id', '=', clientId)
    .executeTakeFirst()
    .then((row) => row?.time_zone ?? null);
}

export function currentAssignment(db: Db, clientId: string): Promise<{ provider_id: string; room_id: string } | undefined> {
  return db
    .selectFrom('care_assignments')
    .select(['provider_id', 'room_id'])
    .where('client_id', '=', clientId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

/** Serialises every booking with one provider: the second of two requests for a slot sees the first. */
export async function lockProvider(trx: Db, providerId: string): Promise<void> {
  await trx.selectFrom('providers').select('id').where('id', '=', providerId).forUpdate().execute();
}

export async function forgetClientLocations(trx: Db, clientId: string): Promise<void> {
  await trx.updateTable('live_sessions').set({ client_location: null }).where('client_id', '=', clientId).execute();
}
