import type { Db } from '../../platform/db/database.ts';

export type TokenPurpose = 'password_reset' | 'email_verification';

/** Stores a new one-time link for an account; any older open link of the same purpose stops working. */
export async function insertAccountToken(
  trx: Db,
  token: { userId: string; purpose: TokenPurpose; tokenHash: string; expiresAt: Date; now: Date },
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
    })
    .execute();
}

/** Uses up a link in one statement, so two tabs cannot both use it; the account's id, or undefined when it is spent or expired. */
export async function claimAccountToken(trx: Db, purpose: TokenPurpose, tokenHash: string, now: Date): Promise<string | undefined> {
  const row = await trx
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}
