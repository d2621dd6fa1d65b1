import {
  ApiError,
  BookedLiveSessions,
  BookingOptions,
  BookingOptionsQuery,
  BookLiveSessionRequest,
  CancelRequest,
  DecideRequest,
  JoinRequest,
  JoinResult,
  LiveSession,
  LiveSessionList,
  ModalityRequest,
  RescheduleRequest,
  SessionSettings,
} from '@haven/contract';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Http } from '../../platform/http/server.ts';
import { audited, requireCaller } from '../identity/identity.policy.ts';
import * as booking from './booking.service.ts';
import * as changes from './changes.service.ts';
import * as joining from './joining.service.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 422: ApiError, 429: ApiError };
const IdParams = z.strictObject({ id: z.uuid({ error: 'That session id is not valid.' }) });
const RangeQuery = BookingOptionsQuery.omit({ length: true });
const MAX_RANGE_DAYS = 31;

function range(query: { from: string; to: string }): { from: Date; to: Date } {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (to <= from || to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw AppError.invalid('to', `Ask for up to ${MAX_RANGE_DAYS} days at once, with \`to\` after \`from\`.`);
  }
  return { from, to };
}

/** Live sessions: booking, changes by either party, joining and ending. */
export function registerSessions(app: Http, context: AppContext): void {
  const { db } = context;
  const tags = ['sessions'];
  const party = (request: FastifyRequest) => requireCaller(context, request, 'client', 'provider');
  const client = (request: FastifyRequest) => requireCaller(context, request, 'client');
  const provider = (request: FastifyRequest) => requireCaller(context, request, 'provider');

  app.get(
    '/api/sessions/options',
    {
      schema: {
        tags,
        summary: 'Open times, lengths and modalities with your provider',
        querystring: BookingOptionsQuery,
        response: { 200: BookingOptions, ...errors },
      },
    },
    (request) => booking.bookingOptions(client(request), { ...range(request.query), length: request.query.length }),
  );

  app.post(
    '/api/sessions',
    {
      schema: {
        tags,
        summary: 'Book a live session or a weekly series with your provider',
        body: BookLiveSessionRequest,
        response: { 201: BookedLiveSessions, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send({ sessions: await booking.book(client(request), request.body) }),
  );

  app.get(
    '/api/sessions',
    { schema: { tags, summary: 'Your sessions, upcoming and past', response: { 200: LiveSessionList, ...errors } } },
    async (request) =>
      audited(db, request, 'sessions.read', await booking.sessionsOf(party(request)), (r) => ({
        clients: [...r.upcoming, ...r.past].map((s) => s.clientId),
      })),
  );

  app.get(
    '/api/sessions/:id',
    { schema: { tags, summary: 'One of your sessions', params: IdParams, response: { 200: LiveSession, ...errors } } },
    async (request) =>
      audited(
        db,
        request,
        'sessions.read',
        await booking.sessionOf(party(request), request.params.id),
        (r) => ({ clients: [r.clientId] }),
        {
          sessionId: request.params.id,
        },
      ),
  );

  app.get(
    '/api/sessions/:id/options',
    {
      schema: {
        tags,
        summary: 'Times this session could move to',
        params: IdParams,
        querystring: RangeQuery,
        response: { 200: BookingOptions, ...errors },
      },
    },
    (request) => booking.rescheduleOptions(party(request), request.params.id, range(request.query)),
  );

  app.post(
    '/api/sessions/:id/reschedule',
    {
      schema: {
        tags,
        summary: 'Move a session (free 24 hours or more ahead)',
        params: IdParams,
        body: RescheduleRequest,
        response: { 200: LiveSession, ...errors },
      },
    },
    (request) => changes.reschedule(party(request), request.params.id, request.body),
  );

  app.post(
    '/api/sessions/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a session (free 24 hours or more ahead)',
        params: IdParams,
        body: CancelRequest,
        response: { 200: LiveSession, ...errors },
      },
    },
    (request) => changes.cancel(party(request), request.params.id, request.body ?? {}),
  );

  app.post(
    '/api/sessions/:id/decision',
    {
      schema: {
        tags,
        summary: 'Confirm or decline a requested session (provider)',
        params: IdParams,
        body: DecideRequest,
        response: { 200: LiveSession, ...errors },
      },
    },
    (request) => changes.decide(provider(request), request.params.id, request.body),
  );

  app.post(
    '/api/sessions/:id/join',
    {
      schema: {
        tags,
        summary: 'Join a session (from 10 minutes before the start)',
        params: IdParams,
        body: JoinRequest,
        response: { 200: JoinResult, ...errors },
      },
    },
    (request) => joining.join(party(request), request.params.id, request.body ?? {}),
  );

  app.post(
    '/api/sessions/:id/modality',
    {
      schema: {
        tags,
        summary: 'Fall back to audio or chat (or back up) within the session',
        params: IdParams,
        body: ModalityRequest,
        response: { 200: LiveSession, ...errors },
      },
    },
    (request) => joining.changeModality(party(request), request.params.id, request.body.modality),
  );

  app.post(
    '/api/sessions/:id/end',
    { schema: { tags, summary: 'End a session both of you attended', params: IdParams, response: { 200: LiveSession, ...errors } } },
    (request) => joining.end(party(request), request.params.id),
  );

  app.get(
    '/api/provider/session-settings',
    { schema: { tags, summary: 'How your bookings are confirmed', response: { 200: SessionSettings, ...errors } } },
    (request) => booking.settingsOf(provider(request)),
  );

  app.put(
    '/api/provider/session-settings',
    {
      schema: {
        tags,
        summary: 'Confirm bookings yourself, or let them confirm at once',
        body: SessionSettings,
        response: { 200: SessionSettings, ...errors },
      },
    },
    (request) => booking.saveSettings(provider(request), request.body),
  );
}
