import { ApiError, CalendarQuery, ProviderCalendar } from '@haven/contract';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { Http } from '../../platform/http/server.ts';
import { audited, requireCaller, requireRole } from '../identity/identity.policy.ts';
import { providerCalendar, sessionCalendarFile, upcomingCalendarFile, type CalendarFile } from './calendar.service.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 422: ApiError };
const IdParams = z.strictObject({ id: z.uuid({ error: 'That id is not valid.' }) });

function sendCalendarFile(reply: FastifyReply, file: CalendarFile) {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

/** The provider's calendar, and .ics files of sessions for either party's own calendar. */
export function registerCalendar(app: Http, context: AppContext): void {
  const { db, config } = context;
  const tags = ['sessions'];

  app.get(
    '/api/provider/calendar',
    {
      schema: {
        tags,
        summary: 'The provider’s sessions, published hours and time off over a range (at most 42 days)',
        querystring: CalendarQuery,
        response: { 200: ProviderCalendar, ...errors },
      },
    },
    async (request) => {
      const calendar = await providerCalendar(requireCaller(context, request, 'provider'), {
        from: new Date(request.query.from),
        to: new Date(request.query.to),
      });
      return audited(db, request, 'calendar.read', calendar, { clients: calendar.sessions.map((s) => s.clientId) });
    },
  );

  app.get(
    '/api/sessions/calendar.ics',
    { schema: { tags, summary: 'Every upcoming session of the signed-in person, as an iCalendar file', response: errors } },
    async (request, reply) => {
      const file = await upcomingCalendarFile(db, config.publicUrl, requireRole(request, 'client', 'provider'));
      return sendCalendarFile(reply, await audited(db, request, 'calendar.exported', file, { clients: file.clientIds }));
    },
  );

  app.get(
    '/api/sessions/:id/calendar.ics',
    { schema: { tags, summary: 'One session as an iCalendar file (either party)', params: IdParams, response: errors } },
    async (request, reply) => {
      const file = await sessionCalendarFile(db, config.publicUrl, requireRole(request, 'client', 'provider'), request.params.id);
      return sendCalendarFile(
        reply,
        await audited(db, request, 'calendar.exported', file, { clients: file.clientIds }, { sessionId: request.params.id }),
      );
    },
  );
}
