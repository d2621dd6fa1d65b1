import {
  ApiError,
  InviteProviderRequest,
  LicenceDecision,
  LicenceQueue,
  ProviderInvite,
  ProviderList,
  ProviderListQuery,
  ProviderRecord,
  StatusChangeRequest,
} from '@haven/contract';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { Http } from '../../platform/http/server.ts';
import { routeLimits } from '../../platform/limits/limits.ts';
import { actorOf, requireCaller, requireRole } from '../identity/identity.policy.ts';
import { announceAccountEnded } from '../identity/identity.service.ts';
import { inviteProvider } from './onboarding.service.ts';
import * as operations from './operations.service.ts';

const IdParams = z.strictObject({ id: z.uuid({ error: 'That id is not valid.' }) });
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };

/** The operations console's side of the provider network. Every route is admin-only. */
export function registerProviderOperations(app: Http, context: AppContext): void {
  const { db, config, live } = context;
  const tags = ['operations'];
  const admin = (request: FastifyRequest) => requireCaller(context, request, 'admin');
  const limits = routeLimits(config);

  app.post(
    '/api/admin/provider-invites',
    {
      config: limits.invites,
      schema: {
        tags,
        summary: 'Invite a provider by email',
        body: InviteProviderRequest,
        response: { 201: ProviderInvite, 429: ApiError, ...errors },
      },
    },
    async (request, reply) => {
      const admin = requireRole(request, 'admin');
      return reply.status(201).send(await inviteProvider(db, config, actorOf(admin), request.body));
    },
  );

  app.get(
    '/api/admin/providers',
    { schema: { tags, summary: 'Search providers', querystring: ProviderListQuery, response: { 200: ProviderList, ...errors } } },
    (request) => {
      requireRole(request, 'admin');
      return operations.listProviders(db, request.query);
    },
  );

  app.get(
    '/api/admin/providers/:id',
    { schema: { tags, summary: "A provider's full record", params: IdParams, response: { 200: ProviderRecord, ...errors } } },
    (request) => {
      requireRole(request, 'admin');
      return operations.providerRecord(db, request.params.id);
    },
  );

  app.post(
    '/api/admin/providers/:id/activate',
    { schema: { tags, summary: 'Activate a provider for matching', params: IdParams, response: { 200: ProviderRecord, ...errors } } },
    async (request) => {
      await operations.activateProvider(admin(request), request.params.id);
      return operations.providerRecord(db, request.params.id);
    },
  );

  app.post(
    '/api/admin/providers/:id/deactivate',
    {
      schema: {
        tags,
        summary: 'Deactivate a provider',
        params: IdParams,
        body: StatusChangeRequest,
        response: { 200: ProviderRecord, ...errors },
      },
    },
    async (request) => {
      const userId = await operations.deactivateProvider(admin(request), request.params.id, request.body.reason);
      if (userId) await announceAccountEnded(live, userId);
      return operations.providerRecord(db, request.params.id);
    },
  );

  app.get(
    '/api/admin/licences',
    {
      schema: {
        tags,
        summary: 'Licences awaiting verification',
        querystring: z.strictObject({ status: z.literal('pending').optional() }),
        response: { 200: LicenceQueue, ...errors },
      },
    },
    (request) => {
      requireRole(request, 'admin');
      return operations.licenceQueue(db);
    },
  );

  app.post(
    '/api/admin/licences/:id/decision',
    {
      schema: {
        tags,
        summary: 'Verify or reject a licence',
        params: IdParams,
        body: LicenceDecision,
        response: { 200: ProviderRecord, ...errors },
      },
    },
    async (request) => {
      const providerId = await operations.decideLicence(admin(request), request.params.id, request.body);
      return operations.providerRecord(db, providerId);
    },
  );
}
