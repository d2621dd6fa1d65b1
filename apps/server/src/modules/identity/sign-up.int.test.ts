import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { aSignedUpClient, verifyEmailedLink } from '../../testing/clients.ts';
import { drainEvents } from '../../testing/events.ts';
import { aSignUp } from '../../testing/factories.ts';
import { useTestApp } from '../../testing/harness.ts';
import { emailedToken, mailTo } from '../../testing/mailbox.ts';
import { sessionCookieFrom } from '../../testing/test-app.ts';
import { verifyEmail } from './sign-up.service.ts';

const haven = useTestApp();
const { post } = haven.signedOut;

/** What an answer shows a caller, but for what differs on every request anyway: its id, date, and the per-address count. */
function visible(response: LightMyRequestResponse) {
  const { 'x-request-id': _id, date: _date, 'x-ratelimit-remaining': _left, 'x-ratelimit-reset': _reset, ...headers } = response.headers;
  return { status: response.statusCode, headers, body: response.body };
}

describe('sign-up that reveals nothing', () => {
  it('answers a registered and a new address byte for byte alike, and sets no cookie', async () => {
    const registered = aSignUp();
    await aSignedUpClient(haven, registered);
    const fresh = aSignUp();
    const shape = { password: 'lantern orchard 5521 brook', preferredName: 'Sam' };

    const toRegistered = await post('/api/auth/sign-up', { ...shape, email: registered.email });
    const toNew = await post('/api/auth/sign-up', { ...shape, email: fresh.email });

    expect(visible(toRegistered)).toEqual(visible(toNew));
    expect(toNew.statusCode).toBe(202);
    expect(toNew.headers['set-cookie']).toBeUndefined();
    expect(toNew.json().message).toMatch(/Check your email/);
  });

  it('emails a new address its confirmation link, and a registered one a notice for its owner with sign-in and reset links', async () => {
    const registered = aSignUp();
    await aSignedUpClient(haven, registered);
    const before = (await mailTo(haven.db, registered.email)).length;
    await post('/api/auth/sign-up', aSignUp({ email: registered.email }));
    await drainEvents(haven.app.context);
    const notices = (await mailTo(haven.db, registered.email)).slice(before);
    expect(notices.map((m) => m.template)).toEqual(['account.sign_up_repeated']);
    expect(notices[0]!.text).toMatch(/\/sign-in/);
    expect(notices[0]!.text).toMatch(/\/forgot-password/);
    expect(notices[0]!.text).not.toMatch(/verify-email/);

    const fresh = aSignUp();
    await post('/api/auth/sign-up', fresh);
    await drainEvents(haven.app.context);
    const mail = await mailTo(haven.db, fresh.email);
    expect(mail.map((m) => m.template)).toEqual(['account.verify_email']);
    expect(mail[0]!.text).toMatch(/expires in 24 hours/);
  });

  it('stores only a hash of the confirmation link, and the account unverified until it is used', async () => {
    const person = aSignUp();
    await post('/api/auth/sign-up', person);
    const token = await emailedToken(haven.db, person.email, '/verify-email');
    const user = await haven.db.selectFrom('users').selectAll().where('email', '=', person.email).executeTakeFirstOrThrow();
    expect(user.email_verified_at).toBeNull();
    const stored = await haven.db.selectFrom('account_tokens').select('token_hash').where('user_id', '=', user.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
  });
});

describe('the confirmation link', () => {
  it('signs the person in once, and not a second time', async () => {
    const person = aSignUp();
    await post('/api/auth/sign-up', person);
    const token = await emailedToken(haven.db, person.email, '/verify-email');

    const first = await post('/api/auth/verify-email', { token });
    expect(first.statusCode).toBe(200);
    const cookie = sessionCookieFrom(first.headers['set-cookie']);
    expect((await haven.as(cookie).get('/api/me')).json().user.email).toBe(person.email);

    const second = await post('/api/auth/verify-email', { token });
    expect(second.statusCode).toBe(410);
    expect(second.json().error).toMatchObject({ code: 'link_unusable', message: expect.stringMatching(/Sign in .* new one/) });
    expect(second.headers['set-cookie']).toBeUndefined();
  });

  it('refuses an unknown token, a malformed one, and one past its 24 hours', async () => {
    const unknown = await post('/api/auth/verify-email', { token: 'A'.repeat(43) });
    expect(unknown.statusCode).toBe(410);
    expect(unknown.json().error.code).toBe('link_unusable');

    const malformed = await post('/api/auth/verify-email', { token: 'not a token' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.issues).toEqual([{ field: 'token', message: expect.stringMatching(/link from your email/) }]);

    const person = aSignUp();
    await post('/api/auth/sign-up', person);
    const token = await emailedToken(haven.db, person.email, '/verify-email');
    const tomorrow = new Date(Date.now() + 24 * 3_600_000 + 60_000);
    await expect(verifyEmail(haven.db, haven.app.config.session, token, tomorrow)).rejects.toMatchObject({ code: 'link_unusable' });
  });
});

describe('signing in before confirming', () => {
  it('is refused with email_unverified, sends a fresh link that works, and the older link stops working', async () => {
    const person = aSignUp();
    await post('/api/auth/sign-up', person);
    const firstLink = await emailedToken(haven.db, person.email, '/verify-email');

    const refused = await post('/api/auth/sign-in', { email: person.email, password: person.password });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'email_unverified', message: expect.stringMatching(/new link/) });
    expect(refused.headers['set-cookie']).toBeUndefined();

    const mail = await mailTo(haven.db, person.email);
    expect(mail.map((m) => m.template)).toEqual(['account.verify_email', 'account.verify_email']);
    expect((await post('/api/auth/verify-email', { token: firstLink })).statusCode).toBe(410);
    const { cookie } = await verifyEmailedLink(haven, person.email);
    expect((await haven.as(cookie).get('/api/me')).statusCode).toBe(200);

    const signedIn = await post('/api/auth/sign-in', { email: person.email, password: person.password });
    expect(signedIn.statusCode).toBe(200);
  });

  it('with a wrong password is the usual wrong-password answer, and sends nothing', async () => {
    const person = aSignUp();
    await post('/api/auth/sign-up', person);
    const wrong = await post('/api/auth/sign-in', { email: person.email, password: 'not the password at all' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(await mailTo(haven.db, person.email)).toHaveLength(1);
  });

  it('a reset link confirms the address too, and the confirmation link is then void', async () => {
    const person = aSignUp();
    await post('/api/auth/sign-up', person);
    const confirmLink = await emailedToken(haven.db, person.email, '/verify-email');
    await post('/api/auth/password-reset', { email: person.email });
    const resetLink = await emailedToken(haven.db, person.email, '/reset-password');
    const password = 'copper harbour 7714 fern';
    expect((await post('/api/auth/password-reset/complete', { token: resetLink, password })).statusCode).toBe(204);
    expect((await post('/api/auth/sign-in', { email: person.email, password })).statusCode).toBe(200);
    expect((await post('/api/auth/verify-email', { token: confirmLink })).statusCode).toBe(410);
  });
});
