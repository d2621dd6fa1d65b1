import { AccountClosed, AccountDetails, AccountDetailsUpdate, ApiError, CloseAccountRequest } from '@haven/contract';
import type { AppContext } from '../../app-context.ts';
import type { Http } from '../../platform/http/server.ts';
import { routeLimits } from '../../platform/limits/limits.ts';
import { requireCaller } from '../identity/identity.policy.ts';
import { sessionCookie } from '../identity/session-cookie.ts';
import { detailsOf, updateDetails } from './account.service.ts';
import { closeAccount } from './closure.service.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 422: ApiError };

/** The settings page's "Your details", for every role. */
export function registerAccount(app: Http, context: AppContext): void {
  const tags = ['account'];
  app.get(
    '/api/account/details',
    { schema: { tags, summary: 'Your name and the time zone Haven writes your times in', response: { 200: AccountDetails, ...errors } } },
    (request) => detailsOf(requireCaller(context, request)),
  );
  app.put(
    '/api/account/details',
    {
      schema: {
        tags,
        summary: 'Change your name or (a client) your time zone',
        body: AccountDetailsUpdate,
        response: { 200: AccountDetails, ...errors },
      },
    },
    (request) => updateDetails(requireCaller(context, request), request.body),
  );
  const cookie = sessionCookie(context.config);
  app.post(
    '/api/account/close',
    {
      config: routeLimits(context.config).credentials,
      schema: {
        tags,
        summary:
          'Close your account (a client; the password confirms it): access ends at once, the record is kept for the retention period',
        body: CloseAccountRequest,
        response: { 200: AccountClosed, 429: ApiError, ...errors },
      },
    },
    async (request, reply) => {
      const { retainUntil } = await closeAccount(requireCaller(context, request, 'client'), request.body);
      cookie.clear(reply);
      return { retainUntil: retainUntil.toISOString() };
    },
  );
}
