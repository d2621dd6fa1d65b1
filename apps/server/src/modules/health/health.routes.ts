import { Health } from '@haven/contract';
import type { AppContext } from '../../app-context.ts';
import { isDatabaseReachable } from '../../platform/db/database.ts';
import type { Http } from '../../platform/http/server.ts';

export function registerHealth(app: Http, { db }: AppContext): void {
  app.get(
    '/api/health',
    { schema: { summary: 'Liveness and database reachability', tags: ['operations'], response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      const ok = await isDatabaseReachable(db);
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', db: ok ? 'ok' : 'unreachable' });
    },
  );
}
