import type { Db } from '../../platform/db/database.ts';
import type { UsersTable } from '../../platform/db/schema.ts';
import type { Insertable, Selectable } from 'kysely';

export type UserRow = Selectable<UsersTable>;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function insertUser(db: Db, user: Insertable<UsersTable>): Promise<UserRow | undefined> {
  // ON CONFLICT keeps a concurrent duplicate sign-up from surfacing as a 500.
  return db
    .insertInto('users')
    .values(user)
    .onConflict((oc) => oc.column('email_normalized').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email_normalized', '=', normalizeEmail(email)).executeTakeFirst();
}

export async function insertLoginSession(
  db: Db,
  session: { userId: string; tokenHash: string; startedAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('login_sessions')
    .values({
      user_id: session.userId,
      token_hash: session.tokenHash,
      created_at: session.startedAt,
      last_seen_at: session.startedAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

export type ActiveLoginSession = { sessionId: string; lastSeenAt: Date; user: UserRow };

/** The session behind a token, if it has not ended, expired or gone idle. */
export async function findActiveLoginSession(
  db: Db,
  tokenHash: string,
  idleSince: Date,
  now: Date,
): Promise<ActiveLoginSession | undefined> {
  const row = await db
    .selectFrom('login_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.id as session_id', 's.last_seen_at'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', idleSince)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, last_seen_at, ...user } = row;
  return { sessionId: session_id, lastSeenAt: last_seen_at, user };
}

export async function touchLoginSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('login_sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function endLoginSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('login_sessions').set({ ended_at: now }).where('token_hash', '=', tokenHash).where('ended_at', 'is', null).execute();
}
