import nodemailer from 'nodemailer';
import type { Db } from '../db/database.ts';

/**
 * Sends queued email over SMTP, oldest first, marking each row sent once the server accepted it.
 * A crash between the two can send one email twice, never lose one (at-least-once).
 */
export function smtpSender(db: Db, smtp: { url: string; from: string }) {
  const transport = nodemailer.createTransport(smtp.url);
  return {
    async sendPending(limit = 50): Promise<number> {
      const rows = await db
        .selectFrom('outbox_emails')
        .selectAll()
        .where('sent_at', 'is', null)
        .orderBy('created_at')
        .limit(limit)
        .execute();
      for (const row of rows) {
        await transport.sendMail({ from: smtp.from, to: row.to_address, subject: row.subject, text: row.body_text });
        await db.updateTable('outbox_emails').set({ sent_at: new Date() }).where('id', '=', row.id).execute();
      }
      return rows.length;
    },
    close(): void {
      transport.close();
    },
  };
}
