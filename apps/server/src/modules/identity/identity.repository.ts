import type { Db } from '../../platform/db/database.ts';
import type { UsersTable } from '../../platform/db/schema.ts';
import { sql, type Insertable, type RawBuilder, type Selectable } from 'kysely';

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
  session: { userId: string; tokenHash: string; startedAt: Date; expiresAt: Date; userAgent?: string | null },
): Promise<void> {
  await db
    .insertInto('login_sessions')
    .values({
      user_id: session.userId,
      token_hash: session.tokenHash,
      created_at: session.startedAt,
      last_seen_at: session.startedAt,
      expires_at: session.expiresAt,
      user_agent: session.userAgent ?? null,
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
    .where(sql<boolean>`not ${deactivated(sql.ref('u.id'))}`)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, last_seen_at, ...user } = row;
  return { sessionId: session_id, lastSeenAt: last_seen_at, user };
}

export async function touchLoginSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('login_sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

/** Whether a session id still stands for a signed-in account: not ended, expired, idle or deactivated. */
export async function loginSessionIsActive(db: Db, sessionId: string, idleSince: Date, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('login_sessions as s')
    .select('s.id')
    .where('s.id', '=', sessionId)
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', idleSince)
    .where(sql<boolean>`not ${deactivated(sql.ref('s.user_id'))}`)
    .executeTakeFirst();
  return row !== undefined;
}

/** Ends the session behind a token; returns its id when it was still open. */
export async function endLoginSession(db: Db, tokenHash: string, now: Date): Promise<string | undefined> {
  const row = await db
    .updateTable('login_sessions')
    .set({ ended_at: now })
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Ends every open session of an account. */
export async function endLoginSessionsOf(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('login_sessions').set({ ended_at: now }).where('user_id', '=', userId).where('ended_at', 'is', null).execute();
}

export async function isDeactivated(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectNoFrom(deactivated(sql`${userId}::uuid`).as('deactivated')).executeTakeFirstOrThrow();
  return row.deactivated;
}

/**
 * An account is deactivated when its owner closed it, or when its provider profile is: an
 * operator's deactivation (providers.status 'inactive') is what ends a provider's access.
 */
function deactivated(userId: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`(exists (select 1 from users c where c.id = ${userId} and c.closed_at is not null)
    or exists (select 1 from providers p where p.user_id = ${userId} and p.status = 'inactive'))`;
}

/** Marks an account closed and ends its sign-in sessions; nothing of it works from now on. */
export async function markClosed(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ closed_at: now }).where('id', '=', userId).execute();
  await endLoginSessionsOf(db, userId, now);
  // A password-reset, verification or email-change link sent before closing opens nothing.
  await db.deleteFrom('account_tokens').where('user_id', '=', userId).execute();
}

/** After the retention period: the account keeps no name, address or usable password. */
export async function eraseAccount(db: Db, userId: string): Promise<void> {
  const address = `closed-${userId}@closed.invalid`;
  const { email } = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
  // What was written to the person in clear: their bell, the emails to them, their sign-ins.
  await db.deleteFrom('notifications').where('user_id', '=', userId).execute();
  await db.deleteFrom('outbox_emails').where('to_address', '=', email).execute();
  await db.deleteFrom('account_tokens').where('user_id', '=', userId).execute();
  await db.updateTable('login_sessions').set({ user_agent: null }).where('user_id', '=', userId).execute();
  await db
    .updateTable('users')
    .set({ email: address, email_normalized: address, preferred_name: 'Former client', password_hash: '!' })
    .where('id', '=', userId)
    .execute();
}

/** Moves an account to a new address, now confirmed; false when another account holds it. */
export async function setUserEmail(db: Db, userId: string, email: string, now: Date): Promise<boolean> {
  const normalized = normalizeEmail(email);
  const row = await db
    .updateTable('users')
    .set({ email: email.trim(), email_normalized: normalized, email_verified_at: now, updated_at: now })
    .where('id', '=', userId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('users as other').select('other.id').where('other.email_normalized', '=', normalized))))
    .returning('id')
    .executeTakeFirst()
    // Two accounts claiming one address at the same instant: the unique index decides, and the loser is told it is taken.
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === '23505') return undefined;
      throw error;
    });
  return row !== undefined;
}
