import type { Db } from '../../platform/db/database.ts';

export type LoginSessionRow = { id: string; created_at: Date; last_seen_at: Date; user_agent: string | null };

/** An account's sessions that still hold (not ended, expired or idle), newest first. */
export function activeLoginSessionsOf(db: Db, userId: string, idleSince: Date, now: Date): Promise<LoginSessionRow[]> {
  return db
    .selectFrom('login_sessions')
    .select(['id', 'created_at', 'last_seen_at', 'user_agent'])
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', idleSince)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Ends one of an account's open sessions; its id when it was open and theirs. */
export async function endOwnLoginSession(db: Db, userId: string, sessionId: string, now: Date): Promise<string | undefined> {
  const row = await db
    .updateTable('login_sessions')
    .set({ ended_at: now })
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Ends every open session of an account but `keep`; the ids it ended. */
export async function endLoginSessionsExcept(db: Db, userId: string, keep: string | null, now: Date): Promise<string[]> {
  let update = db.updateTable('login_sessions').set({ ended_at: now }).where('user_id', '=', userId).where('ended_at', 'is', null);
  if (keep) update = update.where('id', '!=', keep);
  const rows = await update.returning('id').execute();
  return rows.map((r) => r.id);
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', userId).execute();
}

/** Following an emailed link shows the address is theirs. */
export async function markEmailVerified(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ email_verified_at: now }).where('id', '=', userId).where('email_verified_at', 'is', null).execute();
}

export function findUserById(db: Db, userId: string) {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
}
