import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import type { Db } from '../db/database.ts';

/**
 * Sends queued email over SMTP, oldest first. Each row is first leased (an atomic claim, so two
 * workers never send one row at once), then sent, then marked sent. A worker that dies between the
 * SMTP server's "accepted" and the mark leaves the lease to expire and the row is sent again — with
 * the same Message-ID (the outbox id), so the receiving side can tell it is the same email.
 */
export function smtpSender(db: Db, smtp: { url: string; from: string; leaseSeconds?: number }) {
  const leaseSeconds = smtp.leaseSeconds ?? 120;
  const transport = nodemailer.createTransport(smtp.url);
  const domain = /@([^>\s]+)/.exec(smtp.from)?.[1] ?? 'haven.local';
  return {
    async sendPending(limit = 50): Promise<number> {
      const rows = await db
        .updateTable('outbox_emails')
        .set({ lease_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})`, attempts: sql<number>`attempts + 1` })
        .where(
          'id',
          'in',
          db
            .selectFrom('outbox_emails')
            .select('id')
            .where('sent_at', 'is', null)
            .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
            .orderBy('created_at')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute();
      rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
      for (const row of rows) {
        await transport.sendMail({
          from: smtp.from,
          to: row.to_address,
          subject: row.subject,
          text: row.body_text,
          messageId: `<${row.id}@${domain}>`,
        });
        await db.updateTable('outbox_emails').set({ sent_at: new Date(), lease_until: null }).where('id', '=', row.id).execute();
      }
      return rows.length;
    },
    close(): void {
      transport.close();
    },
  };
}
