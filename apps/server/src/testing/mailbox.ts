import type { Db } from '../platform/db/database.ts';

export type QueuedMail = { subject: string; text: string; template: string | null };

/** The emails queued for an address, oldest first. */
export async function mailTo(db: Db, address: string): Promise<QueuedMail[]> {
  const rows = await db
    .selectFrom('outbox_emails')
    .select(['subject', 'body_text', 'template'])
    .where('to_address', '=', address)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ subject: r.subject, text: r.body_text, template: r.template }));
}

/** The token in the last link to `path` that was emailed to an address; fails when there is none. */
export async function emailedToken(db: Db, address: string, path: string): Promise<string> {
  const links = (await mailTo(db, address))
    .flatMap((mail) => [...mail.text.matchAll(/https?:\/\/\S+/g)].map((m) => new URL(m[0])))
    .filter((url) => url.pathname === path);
  const token = links.at(-1)?.searchParams.get('token');
  if (!token) throw new Error(`No link to ${path} was emailed to ${address}.`);
  return token;
}
