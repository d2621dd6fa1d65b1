import {
  ApiError,
  AvailabilityInput,
  LicenceInput,
  ProviderProfileInput,
  ProviderWorkspace,
  PublicProviderProfile,
  Slots,
  SlotsQuery,
  TimeOffInput,
} from '@haven/contract';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Http } from '../../platform/http/server.ts';
import { requireRole, requireUser } from '../identity/identity.policy.ts';
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from './photos.ts';
import * as providers from './providers.service.ts';

const IdParams = z.strictObject({ id: z.uuid({ error: 'That id is not valid.' }) });
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };

/** A provider managing their own profile, licences and hours; and profiles as clients see them. */
export function registerProviders(app: Http, { db, blobs }: AppContext): void {
  const me = async (request: FastifyRequest) => providers.providerOf(db, requireRole(request, 'provider'));
  const workspace = async (request: FastifyRequest) => providers.workspaceOf(db, await me(request));
  const tags = ['providers'];

  app.addContentTypeParser(PHOTO_TYPES, { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.get(
    '/api/provider/workspace',
    { schema: { tags, summary: 'Your profile, licences and hours', response: { 200: ProviderWorkspace, ...errors } } },
    (request) => workspace(request),
  );

  app.put(
    '/api/provider/profile',
    { schema: { tags, summary: 'Save your profile', body: ProviderProfileInput, response: { 200: ProviderWorkspace, ...errors } } },
    async (request) => {
      await providers.updateProfile(db, await me(request), request.body);
      return workspace(request);
    },
  );

  app.put(
    '/api/provider/photo',
    {
      bodyLimit: PHOTO_MAX_BYTES,
      schema: {
        tags,
        summary: 'Replace your photo (JPEG, PNG or WebP body, up to 10 MB)',
        response: { 200: ProviderWorkspace, ...errors, 413: ApiError, 422: ApiError },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('invalid_image');
      await providers.replacePhoto(db, blobs, await me(request), request.body);
      return workspace(request);
    },
  );

  app.post(
    '/api/provider/licences',
    { schema: { tags, summary: 'Add a licence for verification', body: LicenceInput, response: { 201: ProviderWorkspace, ...errors } } },
    async (request, reply) => {
      await providers.addLicence(db, await me(request), request.body);
      return reply.status(201).send(await workspace(request));
    },
  );

  app.delete(
    '/api/provider/licences/:id',
    {
      schema: { tags, summary: 'Remove a pending or rejected licence', params: IdParams, response: { 200: ProviderWorkspace, ...errors } },
    },
    async (request) => {
      await providers.removeLicence(db, await me(request), request.params.id);
      return workspace(request);
    },
  );

  app.put(
    '/api/provider/availability',
    {
      schema: {
        tags,
        summary: 'Set weekly hours for live sessions',
        body: AvailabilityInput,
        response: { 200: ProviderWorkspace, ...errors },
      },
    },
    async (request) => {
      await providers.setAvailability(db, await me(request), request.body);
      return workspace(request);
    },
  );

  app.post(
    '/api/provider/time-off',
    { schema: { tags, summary: 'Add time off', body: TimeOffInput, response: { 201: ProviderWorkspace, ...errors } } },
    async (request, reply) => {
      await providers.addTimeOff(db, await me(request), request.body);
      return reply.status(201).send(await workspace(request));
    },
  );

  app.delete(
    '/api/provider/time-off/:id',
    { schema: { tags, summary: 'Remove time off', params: IdParams, response: { 200: ProviderWorkspace, ...errors } } },
    async (request) => {
      await providers.removeTimeOff(db, await me(request), request.params.id);
      return workspace(request);
    },
  );

  app.get(
    '/api/providers/:id',
    {
      schema: {
        tags,
        summary: "A provider's profile as clients see it",
        params: IdParams,
        response: { 200: PublicProviderProfile, ...errors },
      },
    },
    async (request) => providers.publicProfile(db, await providers.visibleProvider(db, requireUser(request), request.params.id)),
  );

  app.get(
    '/api/providers/:id/slots',
    {
      schema: {
        tags,
        summary: 'Open slots for live sessions',
        params: IdParams,
        querystring: SlotsQuery,
        response: { 200: Slots, ...errors },
      },
    },
    async (request) => {
      const provider = await providers.visibleProvider(db, requireUser(request), request.params.id);
      const { from, to, length } = request.query;
      return providers.bookableSlots(db, provider, { from: new Date(from), to: new Date(to), length });
    },
  );

  app.get('/api/providers/:id/photo', { schema: { tags, summary: "A provider's photo", params: IdParams } }, async (request, reply) => {
    const provider = await providers.visibleProvider(db, requireUser(request), request.params.id);
    const photo = provider.photo_key ? await blobs.get(provider.photo_key) : null;
    if (!photo) throw new AppError('not_found', 'This provider has no photo.');
    return reply.type(photo.contentType).header('cache-control', 'private, max-age=86400').send(photo.bytes);
  });
}
