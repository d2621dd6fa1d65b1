import type { Db } from '../db/database.ts';

/** An email as rendered; `template` names the catalogue entry it came from (for operators and tests). */
export type Email = { to: string; subject: string; text: string; template?: string };

/**
 * Queues an email in the database, in the caller's transaction: it is sent (or shown
 * in the operations console on the embedded default) only if the change commits.
 */
export async function queueEmail(trx: Db, email: Email): Promise<void> {
  await trx
    .insertInto('outbox_emails')
    .values({ to_address: email.to, subject: email.subject, body_text: email.text, template: email.template ?? null })
    .execute();
}

export type QueuedEmail = { id: string; to: string; subject: string; text: string; createdAt: Date; sentAt: Date | null };

/** The newest queued emails, for the operations console. */
export async function recentEmails(db: Db, limit = 100): Promise<QueuedEmail[]> {
  const rows = await db.selectFrom('outbox_emails').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.body_text,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}
