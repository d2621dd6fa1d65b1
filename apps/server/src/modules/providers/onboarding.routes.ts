import { AcceptInviteRequest, ApiError, InvitePreview, MeResponse } from '@haven/contract';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { Http } from '../../platform/http/server.ts';
import { routeLimits } from '../../platform/limits/limits.ts';
import { presentAccount } from '../identity/identity.service.ts';
import { sessionCookie } from '../identity/session-cookie.ts';
import { acceptInvite, previewInvite } from './onboarding.service.ts';

const TokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'That invitation link is not complete.' }) });

/** A provider accepting their invitation: the only way a provider account comes to exist. */
export function registerOnboarding(app: Http, { db, config }: AppContext): void {
  const cookie = sessionCookie(config);
  const tags = ['onboarding'];
  const limits = routeLimits(config);

  app.get(
    '/api/provider-invites/:token',
    {
      config: limits.credentials,
      schema: {
        tags,
        summary: 'Who an invitation is for',
        params: TokenParams,
        response: { 200: InvitePreview, 400: ApiError, 410: ApiError, 429: ApiError },
      },
    },
    (request) => previewInvite(db, request.params.token),
  );

  app.post(
    '/api/provider-invites/:token/accept',
    {
      config: limits.credentials,
      schema: {
        tags,
        summary: 'Accept an invitation: set a password and sign in',
        params: TokenParams,
        body: AcceptInviteRequest,
        response: { 201: MeResponse, 400: ApiError, 410: ApiError, 422: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      const { user, token } = await acceptInvite(db, config.session, request.params.token, request.body.password);
      cookie.set(reply, token);
      return reply.status(201).send({ user: presentAccount(user) });
    },
  );
}
