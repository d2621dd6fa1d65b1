import {
  ApiError,
  AuditSearchQuery,
  AuditSearchResult,
  AuditStatus,
  BreakGlassGrant,
  BreakGlassList,
  BreakGlassRequest,
  BreakGlassReview,
  BreakGlassRoom,
  BreakGlassRoomQuery,
  RecordAccessList,
} from '@haven/contract';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { Http } from '../../platform/http/server.ts';
import { routeLimits } from '../../platform/limits/limits.ts';
import { requireCaller } from '../identity/identity.policy.ts';
import { auditStatus, recordAccess, searchAudit, verifyNow } from './audit.service.ts';
import { breakGlassRoom, endBreakGlass, listBreakGlass, openBreakGlass, reviewBreakGlass } from './break-glass.service.ts';

const IdParams = z.strictObject({ id: z.uuid({ error: 'That id is not valid.' }) });
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 429: ApiError };

/** The audit trail for operators (search, verification, break-glass) and for a client (who saw my record). */
export function registerAudit(app: Http, context: AppContext): void {
  const tags = ['audit'];
  const admin = (request: FastifyRequest) => requireCaller(context, request, 'admin');
  const limits = routeLimits(context.config);

  app.get(
    '/api/account/record-access',
    { schema: { tags, summary: 'Who opened your record, and when', response: { 200: RecordAccessList, ...errors } } },
    (request) => recordAccess(requireCaller(context, request, 'client')),
  );

  app.get(
    '/api/admin/audit',
    { schema: { tags, summary: 'Search the audit trail', querystring: AuditSearchQuery, response: { 200: AuditSearchResult, ...errors } } },
    (request) => searchAudit(admin(request), request.query),
  );
  app.get(
    '/api/admin/audit/status',
    { schema: { tags, summary: 'The last verification of the audit chain', response: { 200: AuditStatus, ...errors } } },
    (request) => auditStatus(admin(request)),
  );
  app.post(
    '/api/admin/audit/verify',
    { config: limits.operatorActions, schema: { tags, summary: 'Verify the audit chain now', response: { 200: AuditStatus, ...errors } } },
    (request) => verifyNow(admin(request)),
  );

  app.get(
    '/api/admin/break-glass',
    { schema: { tags, summary: 'Break-glass accesses, those waiting for review first', response: { 200: BreakGlassList, ...errors } } },
    (request) => listBreakGlass(admin(request)),
  );
  app.post(
    '/api/admin/break-glass',
    {
      config: limits.operatorActions,
      schema: {
        tags,
        summary: "Open a client's room read-only, for a reason the client will see",
        body: BreakGlassRequest,
        response: { 201: BreakGlassGrant, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await openBreakGlass(admin(request), request.body)),
  );
  app.get(
    '/api/admin/break-glass/:id/room',
    {
      schema: {
        tags,
        summary: 'Read the room under your open break-glass access',
        params: IdParams,
        querystring: BreakGlassRoomQuery,
        response: { 200: BreakGlassRoom, ...errors },
      },
    },
    (request) => breakGlassRoom(admin(request), request.params.id, request.query.before),
  );
  app.post(
    '/api/admin/break-glass/:id/end',
    { schema: { tags, summary: 'End your break-glass access now', params: IdParams, response: { 200: BreakGlassGrant, ...errors } } },
    (request) => endBreakGlass(admin(request), request.params.id),
  );
  app.post(
    '/api/admin/break-glass/:id/review',
    {
      config: limits.operatorActions,
      schema: {
        tags,
        summary: "Review another operator's break-glass access",
        params: IdParams,
        body: BreakGlassReview,
        response: { 200: BreakGlassGrant, ...errors },
      },
    },
    (request) => reviewBreakGlass(admin(request), request.params.id, request.body.note),
  );
}
