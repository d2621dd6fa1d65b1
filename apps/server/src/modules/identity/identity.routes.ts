import {
  ApiError,
  CheckYourEmail,
  EmailVerificationRequest,
  MeResponse,
  MfaChallengeResponse,
  SignInRequest,
  SignUpRequest,
} from '@haven/contract';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Http } from '../../platform/http/server.ts';
import { memoryFailureCounter, redisFailureCounter } from '../../platform/limits/failures.ts';
import { routeLimits } from '../../platform/limits/limits.ts';
import { presentMe } from './identity.presenter.ts';
import { actorOf, requireUser } from './identity.policy.ts';
import { authenticate, checkCredentials, signOut, startLoginSession } from './identity.service.ts';
import { storableUserAgent } from './login-sessions.service.ts';
import { CHALLENGE_MS, mfaEnabled, startChallenge } from './mfa.service.ts';
import { mfaChallengeCookie, sessionCookie } from './session-cookie.ts';
import { noSoonerThan, SAME_ANSWER_FLOOR_MS } from './recovery.routes.ts';
import { signInBackoff } from './sign-in-backoff.ts';
import { refuseUnverified, signUp, VERIFY_LINK_HOURS, verifyEmail } from './sign-up.service.ts';

const SIGN_UP_RECEIVED = `Check your email: we have sent a message to the address you gave. To finish creating your account, open the link in it within ${VERIFY_LINK_HOURS} hours.`;

export function registerIdentity(app: Http, { db, config, live }: AppContext): void {
  const cookie = sessionCookie(config);
  const mfaCookie = mfaChallengeCookie(config, CHALLENGE_MS);
  const counter = config.redisUrl ? redisFailureCounter(config.redisUrl) : memoryFailureCounter();
  const backoff = signInBackoff(counter);
  app.addHook('onClose', () => counter.close());
  const limits = routeLimits(config);
  const links = { publicUrl: config.publicUrl };

  app.decorateRequest('user', null);
  app.decorateRequest('loginSessionId', null);
  app.addHook('onRequest', async (request) => {
    const token = cookie.read(request);
    const signedIn = token ? await authenticate(db, config.session, token) : null;
    request.user = signedIn?.user ?? null;
    request.loginSessionId = signedIn?.loginSessionId ?? null;
  });
  // A signed-in person refused (forbidden, or someone else's id answered as not found) is in the
  // audit trail too, with the route they tried.
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    if (!request.user || ![403, 404].includes(reply.statusCode) || !route?.startsWith('/api/')) return;
    const detail = { method: request.method, route, status: reply.statusCode };
    const denied = {
      actor: actorOf(request.user, request.ip),
      action: 'access.denied',
      subject: { type: 'route', id: route },
      outcome: 'denied' as const,
      detail,
    };
    await recordAudit(db, denied).catch((error: unknown) =>
      request.log.error({ err: error }, 'could not record a refusal in the audit trail'),
    );
  });

  app.post(
    '/api/auth/sign-up',
    {
      config: limits.credentials,
      schema: {
        summary: 'Create a client account: the same answer whether or not the address is registered; the rest arrives by email',
        tags: ['identity'],
        body: SignUpRequest,
        response: { 202: CheckYourEmail, 400: ApiError, 422: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      await noSoonerThan(SAME_ANSWER_FLOOR_MS, () => signUp(db, links, request.body));
      return reply.status(202).send({ message: SIGN_UP_RECEIVED });
    },
  );

  app.post(
    '/api/auth/verify-email',
    {
      config: limits.credentials,
      schema: {
        summary: 'Confirm a new account’s address from its emailed link, and sign in',
        tags: ['identity'],
        body: EmailVerificationRequest,
        response: { 200: MeResponse, 400: ApiError, 410: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      const userAgent = storableUserAgent(request.headers['user-agent']);
      const { user, token } = await verifyEmail(db, config.session, request.body.token, new Date(), userAgent);
      cookie.set(reply, token);
      return { user: presentMe(user) };
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
        response: { 200: z.union([MeResponse, MfaChallengeResponse]), 400: ApiError, 401: ApiError, 403: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      const { email } = request.body;
      await backoff.check(email);
      const user = await checkCredentials(db, request.body).catch(async (error: unknown) => {
        if (error instanceof AppError && error.code === 'invalid_credentials') {
          await backoff.failed(email);
          await recordAudit(db, {
            actor: { id: null, label: `Someone signing in as ${email}`, ip: request.ip },
            action: 'account.sign_in_failed',
            subject: { type: 'email', id: email },
            outcome: 'denied',
          });
        }
        throw error;
      });
      await backoff.succeeded(email);
      // The right password for an address not yet confirmed: a new link goes out, and no session starts.
      await refuseUnverified(db, links, user);
      // With two-step sign-in on, the password alone starts no session: the code comes next (mfa.routes.ts).
      if (await mfaEnabled(db, user.id)) {
        mfaCookie.set(reply, await startChallenge(db, user.id));
        return { mfaRequired: true as const };
      }
      const userAgent = storableUserAgent(request.headers['user-agent']);
      cookie.set(reply, await startLoginSession(db, config.session, user.id, new Date(), userAgent));
      await recordAudit(db, { actor: actorOf(user, request.ip), action: 'account.signed_in', subject: { type: 'user', id: user.id } });
      return { user: presentMe(user) };
    },
  );

  app.post(
    '/api/auth/sign-out',
    { schema: { summary: 'End the current session', tags: ['identity'], response: { 204: z.null() } } },
    async (request, reply) => {
      const token = cookie.read(request);
      if (token) await signOut(db, live, token);
      if (request.user)
        await recordAudit(db, {
          actor: actorOf(request.user, request.ip),
          action: 'account.signed_out',
          subject: { type: 'user', id: request.user.id },
        });
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
