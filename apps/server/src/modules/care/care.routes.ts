import {
  ApiError,
  Caseload,
  CareState,
  CoverageState,
  SessionOutcomeRequest,
  StartMessagingSessionRequest,
  FirstSessionSlots,
  FirstSessionSlotsQuery,
  HistoryAccessRequest,
  IntakeState,
  MatchingOverview,
  RequestByNameResult,
  RequestProviderByName,
  SafetyFlag,
  SafetyFlags,
  SafetyFollowUp,
  SaveIntakeRequest,
  SubmitIntakeRequest,
  SwitchProviderRequest,
} from '@haven/contract';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Http } from '../../platform/http/server.ts';
import { audited, ownRecord, requireCaller, requireRole } from '../identity/identity.policy.ts';
import * as care from './care.service.ts';
import * as submission from './submission.service.ts';
import { intakeOf, saveIntake } from './intake.service.ts';
import { coverageState } from '../coverage/coverage-state.service.ts';
import * as sessions from './sessions.service.ts';
import { listSafetyFlags, matchingOverview, recordFollowUp, runMatchingBatch } from './queue.service.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 422: ApiError };
const MAX_SLOT_RANGE_DAYS = 31;
const IdParams = z.strictObject({ id: z.uuid({ error: 'That id is not valid.' }) });
// Whose records a caseload or the queue shows, for their audit rows.
const caseloadClients = (caseload: Caseload) => ({ clients: caseload.clients.map((c) => c.clientId) });
const queuedClients = (overview: MatchingOverview) => ({ clients: overview.queue.longestWaiting.map((c) => c.clientId) });

function slotRange(query: { from: string; to: string }): { from: Date; to: Date } {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (to <= from || to.getTime() - from.getTime() > MAX_SLOT_RANGE_DAYS * 86_400_000) {
    throw new AppError('validation_failed', `Ask for a range of up to ${MAX_SLOT_RANGE_DAYS} days, with \`to\` after \`from\`.`, [
      { field: 'to', message: `Up to ${MAX_SLOT_RANGE_DAYS} days after \`from\`.` },
    ]);
  }
  return { from, to };
}

/** The client's intake and care team, and the operations console's matching and safety views. */
export function registerCare(app: Http, context: AppContext): void {
  const { db } = context;
  const tags = ['care'];
  const client = (request: FastifyRequest) => requireCaller(context, request, 'client');

  app.get(
    '/api/intake',
    { schema: { tags, summary: 'The intake so far, to resume it', response: { 200: IntakeState, ...errors } } },
    (request) => intakeOf(client(request)),
  );

  app.put(
    '/api/intake',
    {
      schema: {
        tags,
        summary: 'Save intake answers (one step at a time)',
        body: SaveIntakeRequest,
        response: { 200: IntakeState, ...errors },
      },
    },
    (request) => saveIntake(client(request), request.body),
  );

  app.get(
    '/api/intake/first-session-slots',
    {
      schema: {
        tags,
        summary: 'Open first-session slots with eligible providers',
        querystring: FirstSessionSlotsQuery,
        response: { 200: FirstSessionSlots, ...errors },
      },
    },
    (request) => submission.firstSessionSlots(client(request), slotRange(request.query)),
  );

  app.post(
    '/api/intake/submit',
    {
      schema: {
        tags,
        summary: 'Submit the intake: match (and book a first session) or queue',
        body: SubmitIntakeRequest,
        response: { 201: CareState, ...errors },
      },
    },
    async (request, reply) => {
      const state = await submission.submitIntake(client(request), request.body.firstSession);
      return reply.status(201).send(state);
    },
  );

  app.get(
    '/api/care',
    { schema: { tags, summary: 'Your provider, room and queue position', response: { 200: CareState, ...errors } } },
    async (request) => audited(db, request, 'care.read', await care.myCare(client(request)), ownRecord(request)),
  );

  app.post(
    '/api/care/request-provider',
    {
      schema: {
        tags,
        summary: 'Ask for a provider by first and last name',
        body: RequestProviderByName,
        response: { 200: RequestByNameResult, ...errors },
      },
    },
    (request) => care.requestByName(client(request), request.body),
  );

  app.post(
    '/api/care/switch',
    {
      schema: { tags, summary: 'Switch provider, keeping the room', body: SwitchProviderRequest, response: { 200: CareState, ...errors } },
    },
    (request) => care.switchProvider(client(request), request.body),
  );

  app.put(
    '/api/care/history-access',
    {
      schema: {
        tags,
        summary: 'Whether your provider may read the earlier conversation',
        body: HistoryAccessRequest,
        response: { 200: CareState, ...errors },
      },
    },
    (request) => care.setHistoryAccess(client(request), request.body),
  );

  app.post(
    '/api/care/messaging-sessions',
    {
      schema: {
        tags,
        summary: 'Start a messaging session (EAP and health-plan coverage)',
        body: StartMessagingSessionRequest,
        response: { 201: CoverageState, ...errors },
      },
    },
    async (request, reply) => {
      const clientId = await sessions.startMessagingSession(client(request), request.body.acceptedCostCents);
      return reply.status(201).send(await coverageState(db, context.eligibility, clientId));
    },
  );

  const providerTags = ['provider'];
  const provider = (request: FastifyRequest) => requireCaller(context, request, 'provider');
  app.get(
    '/api/provider/clients',
    { schema: { tags: providerTags, summary: 'Your current clients', response: { 200: Caseload, ...errors } } },
    async (request) =>
      audited(db, request, 'caseload.read', await sessions.caseload(provider(request)), (r) => ({
        clients: r.clients.map((c) => c.clientId),
      })),
  );

  app.post(
    '/api/provider/messaging-sessions/:id/complete',
    {
      schema: {
        tags: providerTags,
        summary: 'Mark a messaging session complete',
        params: IdParams,
        response: { 200: Caseload, ...errors },
      },
    },
    async (request) => {
      const caller = provider(request);
      await sessions.completeMessaging(caller, request.params.id);
      return audited(db, request, 'caseload.read', await sessions.caseload(caller), caseloadClients);
    },
  );

  app.post(
    '/api/provider/sessions/:id/outcome',
    {
      schema: {
        tags: providerTags,
        summary: 'Record how a live session went',
        params: IdParams,
        body: SessionOutcomeRequest,
        response: { 200: Caseload, ...errors },
      },
    },
    async (request) => {
      const caller = provider(request);
      await sessions.recordOutcome(caller, request.params.id, request.body);
      return audited(db, request, 'caseload.read', await sessions.caseload(caller), caseloadClients);
    },
  );

  const opsTags = ['operations'];
  app.get(
    '/api/admin/matching',
    { schema: { tags: opsTags, summary: 'Queue and time-to-match', response: { 200: MatchingOverview, ...errors } } },
    async (request) => {
      requireRole(request, 'admin');
      return audited(db, request, 'matching.read', await matchingOverview(db), queuedClients);
    },
  );

  app.post(
    '/api/admin/matching/run',
    { schema: { tags: opsTags, summary: 'Run the batch assignment now', response: { 200: MatchingOverview, ...errors } } },
    async (request) => {
      const admin = requireRole(request, 'admin');
      const result = await runMatchingBatch(db);
      request.log.info({ ...result, by: admin.id }, 'batch assignment run from the console');
      return audited(db, request, 'matching.read', await matchingOverview(db), queuedClients);
    },
  );

  app.get(
    '/api/admin/safety-flags',
    {
      schema: {
        tags: opsTags,
        summary: 'Clients flagged for clinical follow-up',
        querystring: z.strictObject({ status: z.enum(['open', 'all']).default('open') }),
        response: { 200: SafetyFlags, ...errors },
      },
    },
    async (request) =>
      audited(
        db,
        request,
        'safety.flags_read',
        { flags: await listSafetyFlags(requireCaller(context, request, 'admin'), request.query.status === 'open') },
        (r) => ({ clients: r.flags.map((f) => f.clientId) }),
      ),
  );

  app.post(
    '/api/admin/safety-flags/:id/follow-up',
    {
      schema: {
        tags: opsTags,
        summary: 'Record the clinical follow-up of a flagged case',
        params: IdParams,
        body: SafetyFollowUp,
        response: { 200: SafetyFlag, ...errors },
      },
    },
    (request) => recordFollowUp(requireCaller(context, request, 'admin'), request.params.id, request.body.note),
  );
}
