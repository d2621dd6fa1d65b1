import {
  ApiError,
  CheckYourEmail,
  EmailChangeConfirmation,
  EmailChangedResponse,
  EmailChangeRequest,
  PasswordChangeRequest,
  PasswordResetCompletion,
  PasswordResetRequest,
  SessionsEndedResponse,
  SignInSessionsResponse,
} from '@haven/contract';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { Http } from '../../platform/http/server.ts';
import { confirmEmailChange, EMAIL_CHANGE_LINK_HOURS, requestEmailChange } from './email-change.service.ts';
import { routeLimits } from '../../platform/limits/limits.ts';
import { requireSignIn } from './identity.policy.ts';
import { endSignInSession, listSignInSessions, signOutOthers } from './login-sessions.service.ts';
import { changePassword, completePasswordReset, requestPasswordReset } from './recovery.service.ts';

/**
 * Answers that must not tell a registered address from an unknown one take at least this long, so
 * the work done for a real account (a token, an email, an audit row) does not show in the timing.
 */
export const SAME_ANSWER_FLOOR_MS = 400;

export async function noSoonerThan<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  const left = floorMs - (performance.now() - started);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  return result;
}

const RESET_REQUESTED =
  'If that address has a Haven account, we have emailed it a link to choose a new password. It expires in 30 minutes.';

const EMAIL_CHANGE_REQUESTED = `Check the new address: we have emailed it a link to confirm the change. Your email stays as it is until the link is used; it expires in ${EMAIL_CHANGE_LINK_HOURS} hours.`;

export function registerRecovery(app: Http, { db, config, live }: AppContext): void {
  const limits = routeLimits(config);
  const links = { publicUrl: config.publicUrl };

  app.post(
    '/api/auth/password-reset',
    {
      config: limits.credentials,
      schema: {
        summary: 'Email a password reset link (the same answer whether or not the address is registered)',
        tags: ['identity'],
        body: PasswordResetRequest,
        response: { 202: CheckYourEmail, 400: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      await noSoonerThan(SAME_ANSWER_FLOOR_MS, () => requestPasswordReset(db, links, request.body.email));
      return reply.status(202).send({ message: RESET_REQUESTED });
    },
  );

  app.post(
    '/api/auth/password-reset/complete',
    {
      config: limits.credentials,
      schema: {
        summary: 'Set a new password from a reset link; every sign-in of the account ends',
        tags: ['identity'],
        body: PasswordResetCompletion,
        response: { 204: z.null(), 400: ApiError, 410: ApiError, 422: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      await completePasswordReset(db, live, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: limits.credentials,
      schema: {
        summary: 'Change the password (the current one is needed); other sign-ins end',
        tags: ['identity'],
        security: [{ session: [] }],
        body: PasswordChangeRequest,
        response: { 200: SessionsEndedResponse, 400: ApiError, 401: ApiError, 422: ApiError, 429: ApiError },
      },
    },
    async (request) => ({ ended: await changePassword(db, live, requireSignIn(request), request.body) }),
  );

  app.post(
    '/api/account/email',
    {
      config: limits.credentials,
      schema: {
        summary: 'Ask to change the email address (the current password is needed); the change waits for the link sent to the new one',
        tags: ['identity'],
        security: [{ session: [] }],
        body: EmailChangeRequest,
        response: { 202: CheckYourEmail, 400: ApiError, 401: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      const caller = requireSignIn(request);
      // A free and a taken new address must take as long as each other.
      await noSoonerThan(SAME_ANSWER_FLOOR_MS, () => requestEmailChange(db, links, caller, request.body));
      return reply.status(202).send({ message: EMAIL_CHANGE_REQUESTED });
    },
  );

  app.post(
    '/api/account/email/confirm',
    {
      config: limits.credentials,
      schema: {
        summary: 'Make an email change from the link sent to the new address; the account’s other sign-ins end',
        tags: ['identity'],
        body: EmailChangeConfirmation,
        response: { 200: EmailChangedResponse, 400: ApiError, 409: ApiError, 410: ApiError, 429: ApiError },
      },
    },
    async (request) => {
      const signedIn = request.user && request.loginSessionId ? { user: request.user, loginSessionId: request.loginSessionId } : null;
      return confirmEmailChange(db, live, request.body.token, signedIn);
    },
  );

  app.get(
    '/api/auth/sessions',
    {
      schema: {
        summary: 'The signed-in sessions of this account',
        tags: ['identity'],
        security: [{ session: [] }],
        response: { 200: SignInSessionsResponse, 401: ApiError },
      },
    },
    async (request) => ({ sessions: await listSignInSessions(db, config.session, requireSignIn(request)) }),
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      config: limits.signInSessions,
      schema: {
        summary: 'End one of this account’s sessions',
        tags: ['identity'],
        security: [{ session: [] }],
        params: z.object({ id: z.uuid({ error: 'That is not a sign-in session id.' }) }),
        response: { 204: z.null(), 400: ApiError, 401: ApiError, 404: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      await endSignInSession(db, live, requireSignIn(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/sessions/sign-out-others',
    {
      config: limits.signInSessions,
      schema: {
        summary: 'Sign out everywhere else: every session of this account but this one ends',
        tags: ['identity'],
        security: [{ session: [] }],
        response: { 200: SessionsEndedResponse, 401: ApiError, 429: ApiError },
      },
    },
    async (request) => ({ ended: await signOutOthers(db, live, requireSignIn(request)) }),
  );
}
