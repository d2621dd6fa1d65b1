import { ApiError, Outbox } from '@haven/contract';
import type { AppContext } from '../../app-context.ts';
import type { Http } from '../../platform/http/server.ts';
import { recentEmails } from '../../platform/mail/outbox.ts';
import { requireRole } from '../identity/identity.policy.ts';

/** Lets operators read queued email: on the embedded default it is never sent anywhere. */
export function registerOutbox(app: Http, { db }: AppContext): void {
  app.get(
    '/api/admin/outbox',
    { schema: { tags: ['operations'], summary: 'Recently queued email', response: { 200: Outbox, 401: ApiError, 403: ApiError } } },
    async (request) => {
      requireRole(request, 'admin');
      const emails = await recentEmails(db);
      return {
        emails: emails.map((e) => ({ ...e, createdAt: e.createdAt.toISOString(), sentAt: e.sentAt?.toISOString() ?? null })),
      };
    },
  );
}
