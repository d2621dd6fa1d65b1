import type { Db } from '../../platform/db/database.ts';

export type TokenPurpose = 'password_reset' | 'email_verification' | 'email_change';

/** Stores a new one-time link for an account; any older open link of the same purpose stops working. */
export async function insertAccountToken(
  trx: Db,
  token: { userId: string; purpose: TokenPurpose; tokenHash: string; expiresAt: Date; now: Date; newEmail?: string },
): Promise<void> {
  await trx
    .updateTable('account_tokens')
    .set({ used_at: token.now })
    .where('user_id', '=', token.userId)
    .where('purpose', '=', token.purpose)
    .where('used_at', 'is', null)
    .execute();
  await trx
    .insertInto('account_tokens')
    .values({
      user_id: token.userId,
      purpose: token.purpose,
      token_hash: token.tokenHash,
      created_at: token.now,
      expires_at: token.expiresAt,
      new_email: token.newEmail ?? null,
    })
    .execute();
}

/** Uses up a link in one statement, so two tabs cannot both use it; the account's id, or undefined when it is spent or expired. */
export async function claimAccountToken(trx: Db, purpose: TokenPurpose, tokenHash: string, now: Date): Promise<string | undefined> {
  return (await claimToken(trx, purpose, tokenHash, now))?.user_id;
}

/** Uses up an email-change link; the account and the address it moves to, or undefined when spent or expired. */
export async function claimEmailChangeToken(
  trx: Db,
  tokenHash: string,
  now: Date,
): Promise<{ userId: string; newEmail: string } | undefined> {
  const row = await claimToken(trx, 'email_change', tokenHash, now);
  return row?.new_email ? { userId: row.user_id, newEmail: row.new_email } : undefined;
}

function claimToken(trx: Db, purpose: TokenPurpose, tokenHash: string, now: Date) {
  return trx
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['user_id', 'new_email'])
    .executeTakeFirst();
}
