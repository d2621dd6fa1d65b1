import { ApiError, NotificationSettings, Notifications, Outbox } from '@haven/contract';
import type { AppContext } from '../../app-context.ts';
import type { Http } from '../../platform/http/server.ts';
import { recentEmails } from '../../platform/mail/outbox.ts';
import { requireRole, requireUser } from '../identity/identity.policy.ts';
import * as notifications from './notifications.service.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError };

export function registerNotifications(app: Http, { db }: AppContext): void {
  const tags = ['notifications'];
  app.get('/api/notifications', { schema: { tags, summary: 'The bell', response: { 200: Notifications, ...errors } } }, (request) =>
    notifications.notifications(db, requireUser(request)),
  );

  app.put(
    '/api/notifications/settings',
    {
      schema: {
        tags,
        summary: 'Which emails to send (messages, sessions), and discreet email (no names)',
        body: NotificationSettings,
        response: { 200: Notifications, ...errors },
      },
    },
    (request) => notifications.setChoices(db, requireUser(request), request.body),
  );

  // Lets operators read queued email: on the embedded default it is never sent anywhere.
  app.get(
    '/api/admin/outbox',
    { schema: { tags: ['operations'], summary: 'Recently queued email', response: { 200: Outbox, ...errors } } },
    async (request) => {
      requireRole(request, 'admin');
      const emails = await recentEmails(db);
      return {
        emails: emails.map((e) => ({ ...e, createdAt: e.createdAt.toISOString(), sentAt: e.sentAt?.toISOString() ?? null })),
      };
    },
  );
}
