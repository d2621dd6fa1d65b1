import {
  ApiError,
  MeResponse,
  MfaCodeRequest,
  MfaConfirmRequest,
  MfaDisableRequest,
  MfaEnrolment,
  MfaResetRequest,
  MfaStatus,
  RecoveryCodes,
} from '@haven/contract';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Http } from '../../platform/http/server.ts';
import { routeLimits } from '../../platform/limits/limits.ts';
import { presentMe } from './identity.presenter.ts';
import { actorOf, requireCaller, requireUser } from './identity.policy.ts';
import { announceAccountEnded, startLoginSession } from './identity.service.ts';
import {
  CHALLENGE_MS,
  completeChallenge,
  confirmEnrolment,
  disableMfa,
  mfaEnabled,
  mfaRequiredFor,
  mfaStatus,
  regenerateRecoveryCodes,
  resetMfa,
  startEnrolment,
} from './mfa.service.ts';
import { mfaChallengeCookie, sessionCookie } from './session-cookie.ts';

/** What a provider or admin without two-step sign-in may still reach: setting it up, and leaving. */
const OPEN_WITHOUT_MFA = [/^\/api\/me$/, /^\/api\/auth\//, /^\/api\/account\/mfa(\/|$)/, /^\/api\/account\/details$/, /^\/api\/health$/];

export function registerMfa(app: Http, context: AppContext): void {
  const { db, config, sealer, live } = context;
  const cookie = sessionCookie(config);
  const mfaCookie = mfaChallengeCookie(config, CHALLENGE_MS);
  const limits = routeLimits(config);
  const tags = ['identity'];

  // Providers and admins read clients' records: none of that before their second factor is set up.
  app.addHook('preHandler', async (request) => {
    const user = request.user;
    if (!user || !mfaRequiredFor(user.role, config.requireMfa)) return;
    const path = request.url.split('?')[0]!;
    if (!path.startsWith('/api/') || OPEN_WITHOUT_MFA.some((open) => open.test(path))) return;
    if (!(await mfaEnabled(db, user.id))) throw new AppError('mfa_enrolment_required');
  });

  app.post(
    '/api/auth/mfa',
    {
      config: limits.credentials,
      schema: {
        summary: 'Finish signing in with a code from the authenticator app or a recovery code',
        tags,
        body: MfaCodeRequest,
        response: { 200: MeResponse, 400: ApiError, 401: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      const token = mfaCookie.read(request);
      if (!token) throw new AppError('mfa_challenge_ended');
      let user;
      try {
        user = await completeChallenge(db, sealer, token, request.body.code);
      } catch (error) {
        if (error instanceof AppError && error.code === 'mfa_challenge_ended') mfaCookie.clear(reply);
        throw error;
      }
      cookie.set(reply, await startLoginSession(db, config.session, user.id, new Date()));
      await recordAudit(db, {
        actor: actorOf(user, request.ip),
        action: 'account.signed_in',
        subject: { type: 'user', id: user.id },
        detail: { mfa: true },
      });
      mfaCookie.clear(reply);
      return { user: presentMe(user) };
    },
  );

  app.get(
    '/api/account/mfa',
    { schema: { summary: 'Whether two-step sign-in is on', tags, response: { 200: MfaStatus, 401: ApiError } } },
    (request) => mfaStatus(db, requireUser(request), config.requireMfa),
  );

  app.post(
    '/api/account/mfa/enrolment',
    {
      schema: {
        summary: 'Start setting up two-step sign-in: a new secret, as text and QR code',
        tags,
        response: { 200: MfaEnrolment, 401: ApiError, 409: ApiError },
      },
    },
    (request) => startEnrolment(db, sealer, requireUser(request)),
  );

  app.post(
    '/api/account/mfa/enrolment/confirm',
    {
      config: limits.credentials,
      schema: {
        summary: 'Turn two-step sign-in on with a current code; answers the recovery codes, once',
        tags,
        body: MfaConfirmRequest,
        response: { 200: RecoveryCodes, 400: ApiError, 401: ApiError, 409: ApiError, 429: ApiError },
      },
    },
    async (request) => ({ recoveryCodes: await confirmEnrolment(db, sealer, requireUser(request), request.body.code) }),
  );

  app.post(
    '/api/account/mfa/disable',
    {
      config: limits.credentials,
      schema: {
        summary: 'Turn two-step sign-in off (password and a code)',
        tags,
        body: MfaDisableRequest,
        response: { 204: z.null(), 400: ApiError, 401: ApiError, 409: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      await disableMfa(db, sealer, requireUser(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/account/mfa/recovery-codes',
    {
      config: limits.credentials,
      schema: {
        summary: 'Replace the recovery codes (a code is needed); answers the new ones, once',
        tags,
        body: MfaCodeRequest,
        response: { 200: RecoveryCodes, 400: ApiError, 401: ApiError, 409: ApiError, 429: ApiError },
      },
    },
    async (request) => ({ recoveryCodes: await regenerateRecoveryCodes(db, sealer, requireUser(request), request.body.code) }),
  );

  app.post(
    '/api/admin/users/:userId/mfa/reset',
    {
      schema: {
        summary: "Reset a person's two-step sign-in (lost device), with a recorded reason",
        tags: ['operations'],
        params: z.object({ userId: z.uuid({ error: 'That is not an account id.' }) }),
        body: MfaResetRequest,
        response: { 204: z.null(), 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => {
      await resetMfa(requireCaller(context, request, 'admin'), request.params.userId, request.body.reason);
      await announceAccountEnded(live, request.params.userId);
      return reply.status(204).send(null);
    },
  );
}
