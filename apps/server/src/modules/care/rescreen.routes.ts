import { ApiError, RescreenIntervalRequest, RescreenRequest, ScreenerClientParams, ScreenerHistory } from '@haven/contract';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type { Http } from '../../platform/http/server.ts';
import { audited, ownRecord, requireCaller } from '../identity/identity.policy.ts';
import * as rescreen from './rescreen.service.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 422: ApiError };

/** Re-screening: the client's own history and check-in, and their current provider's view. */
export function registerRescreen(app: Http, context: AppContext): void {
  const { db } = context;
  const tags = ['care'];
  const client = (request: FastifyRequest) => requireCaller(context, request, 'client');
  const provider = (request: FastifyRequest) => requireCaller(context, request, 'provider');

  app.get(
    '/api/screeners',
    {
      schema: {
        tags,
        summary: 'Your PHQ-9 and GAD-7 over time, and when the next check-in is due',
        response: { 200: ScreenerHistory, ...errors },
      },
    },
    async (request) => audited(db, request, 'screeners.read', await rescreen.myScreeners(client(request)), ownRecord(request)),
  );

  app.post(
    '/api/screeners',
    { schema: { tags, summary: 'Answer the PHQ-9 and GAD-7 again', body: RescreenRequest, response: { 201: ScreenerHistory, ...errors } } },
    async (request, reply) => reply.status(201).send(await rescreen.rescreen(client(request), request.body)),
  );

  app.get(
    '/api/provider/clients/:clientId/screeners',
    {
      schema: {
        tags,
        summary: "A current client's PHQ-9 and GAD-7 over time",
        params: ScreenerClientParams,
        response: { 200: ScreenerHistory, ...errors },
      },
    },
    async (request) =>
      audited(db, request, 'screeners.read', await rescreen.clientScreeners(provider(request), request.params.clientId), {
        clients: [request.params.clientId],
      }),
  );

  app.put(
    '/api/provider/clients/:clientId/screeners/interval',
    {
      schema: {
        tags,
        summary: "How often a current client's screeners are asked again",
        params: ScreenerClientParams,
        body: RescreenIntervalRequest,
        response: { 200: ScreenerHistory, ...errors },
      },
    },
    (request) => rescreen.setRescreenInterval(provider(request), request.params.clientId, request.body.days),
  );
}
