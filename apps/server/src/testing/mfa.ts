import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { expect } from 'vitest';
import { ensureAdmin } from '../modules/identity/identity.service.ts';
import type { Haven } from './harness.ts';

/** What these helpers need of a test Haven (a browser test builds it from its running app). */
type Api = Pick<Haven, 'db' | 'as' | 'signedOut'>;
import { sessionCookieFrom } from './test-app.ts';

/** The authenticator app's code for `secret`, `stepsAhead` 30-second steps from now (one ahead is still accepted). */
export function totpCode(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

/** Sets up two-step sign-in for a signed-in account through the API, as the settings page does. */
export async function enrolInMfa(haven: Api, cookie: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await haven.as(cookie).post('/api/account/mfa/enrolment');
  expect(started.statusCode, started.body).toBe(200);
  const { secret } = started.json<{ secret: string }>();
  const confirmed = await haven.as(cookie).post('/api/account/mfa/enrolment/confirm', { code: await totpCode(secret) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret, recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

/** Password, then the second step with `code`; answers the final response. */
export async function signInWithCode(haven: Api, credentials: { email: string; password: string }, code: string) {
  const first = await haven.signedOut.post('/api/auth/sign-in', credentials);
  expect(first.json()).toEqual({ mfaRequired: true });
  return haven.as(sessionCookieFrom(first.headers['set-cookie'])).post('/api/auth/mfa', { code });
}

/** An admin with two-step sign-in set up, signed in with both steps. */
export async function anEnrolledAdmin(haven: Api): Promise<{ cookie: string; userId: string }> {
  const admin = {
    email: `ops.${randomBytes(4).toString('hex')}@example.org`,
    password: `steady river granite ${randomBytes(3).toString('hex')}`,
  };
  await ensureAdmin(haven.db, admin);
  const first = await haven.signedOut.post('/api/auth/sign-in', admin);
  const cookie = sessionCookieFrom(first.headers['set-cookie']);
  const { secret } = await enrolInMfa(haven, cookie);
  const signedIn = await signInWithCode(haven, admin, await totpCode(secret, 1));
  expect(signedIn.statusCode, signedIn.body).toBe(200);
  return { cookie: sessionCookieFrom(signedIn.headers['set-cookie']), userId: signedIn.json<{ user: { id: string } }>().user.id };
}
