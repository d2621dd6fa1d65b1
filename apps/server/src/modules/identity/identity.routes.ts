import { ApiError, MeResponse, MfaChallengeResponse, SignInRequest, SignUpRequest } from '@haven/contract';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Http } from '../../platform/http/server.ts';
import { memoryFailureCounter, redisFailureCounter } from '../../platform/limits/failures.ts';
import { routeLimits } from '../../platform/limits/limits.ts';
import { presentMe } from './identity.presenter.ts';
import { requireUser } from './identity.policy.ts';
import { authenticate, checkCredentials, signOut, signUp, startLoginSession } from './identity.service.ts';
import { storableUserAgent } from './login-sessions.service.ts';
import { CHALLENGE_MS, mfaEnabled, startChallenge } from './mfa.service.ts';
import { mfaChallengeCookie, sessionCookie } from './session-cookie.ts';
import { signInBackoff } from './sign-in-backoff.ts';

export function registerIdentity(app: Http, { db, config, live }: AppContext): void {
  const cookie = sessionCookie(config);
  const mfaCookie = mfaChallengeCookie(config, CHALLENGE_MS);
  const counter = config.redisUrl ? redisFailureCounter(config.redisUrl) : memoryFailureCounter();
  const backoff = signInBackoff(counter);
  app.addHook('onClose', () => counter.close());
  const limits = routeLimits(config);

  app.decorateRequest('user', null);
  app.decorateRequest('loginSessionId', null);
  app.addHook('onRequest', async (request) => {
    const token = cookie.read(request);
    const signedIn = token ? await authenticate(db, config.session, token) : null;
    request.user = signedIn?.user ?? null;
    request.loginSessionId = signedIn?.loginSessionId ?? null;
  });

  app.post(
    '/api/auth/sign-up',
    {
      config: limits.credentials,
      schema: {
        summary: 'Create a client account and sign in',
        tags: ['identity'],
        body: SignUpRequest,
        response: { 201: MeResponse, 400: ApiError, 409: ApiError, 422: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      const { user, token } = await signUp(db, config.session, request.body);
      cookie.set(reply, token);
      return reply.status(201).send({ user: presentMe(user) });
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      config: limits.credentials,
      schema: {
        summary: 'Sign in with email and password',
        tags: ['identity'],
        body: SignInRequest,
        response: { 200: z.union([MeResponse, MfaChallengeResponse]), 400: ApiError, 401: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      const { email } = request.body;
      await backoff.check(email);
      const user = await checkCredentials(db, request.body).catch(async (error: unknown) => {
        if (error instanceof AppError && error.code === 'invalid_credentials') await backoff.failed(email);
        throw error;
      });
      await backoff.succeeded(email);
      // With two-step sign-in on, the password alone starts no session: the code comes next (mfa.routes.ts).
      if (await mfaEnabled(db, user.id)) {
        mfaCookie.set(reply, await startChallenge(db, user.id));
        return { mfaRequired: true as const };
      }
      const userAgent = storableUserAgent(request.headers['user-agent']);
      cookie.set(reply, await startLoginSession(db, config.session, user.id, new Date(), userAgent));
      return { user: presentMe(user) };
    },
  );

  app.post(
    '/api/auth/sign-out',
    { schema: { summary: 'End the current session', tags: ['identity'], response: { 204: z.null() } } },
    async (request, reply) => {
      const token = cookie.read(request);
      if (token) await signOut(db, live, token);
      cookie.clear(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        summary: 'The signed-in account',
        tags: ['identity'],
        security: [{ session: [] }],
        response: { 200: MeResponse, 401: ApiError },
      },
    },
    (request) => ({ user: presentMe(requireUser(request)) }),
  );
}
