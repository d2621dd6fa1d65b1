import type { Db } from '../db/database.ts';

export type Email = { to: string; subject: string; text: string };

/**
 * Queues an email in the database, in the caller's transaction: it is sent (or shown
 * in the operations console on the embedded default) only if the change commits.
 */
export async function queueEmail(trx: Db, email: Email): Promise<void> {
  await trx.insertInto('outbox_emails').values({ to_address: email.to, subject: email.subject, body_text: email.text }).execute();
}
