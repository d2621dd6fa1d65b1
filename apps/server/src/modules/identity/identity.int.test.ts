import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { aSignUp } from '../../testing/factories.ts';
import { aSignedUpClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { emailedToken } from '../../testing/mailbox.ts';
import { sessionCookieFrom } from '../../testing/test-app.ts';
import { authenticate, ensureAdmin, signIn } from './identity.service.ts';

const haven = useTestApp();
const { post } = haven.signedOut;
const me = (cookie: string) => haven.as(cookie).get('/api/me');
const countUsers = async (email: string) =>
  Number(
    (await sql<{ n: string }>`select count(*) as n from users where email_normalized = ${email.toLowerCase()}`.execute(haven.db)).rows[0]
      ?.n,
  );

describe('sign-up', () => {
  it('creates a client who, once the emailed link is opened, is signed in with an httpOnly SameSite cookie that /api/me knows', async () => {
    const person = aSignUp();
    const response = await post('/api/auth/sign-up', person);
    expect(response.statusCode).toBe(202);
    expect(response.headers['set-cookie']).toBeUndefined();
    const token = await emailedToken(haven.db, person.email, '/verify-email');
    const verified = await post('/api/auth/verify-email', { token });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().user).toMatchObject({ email: person.email, preferredName: person.preferredName, role: 'client' });
    const setCookie = String(verified.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const answer = await me(sessionCookieFrom(verified.headers['set-cookie']));
    expect(answer.statusCode).toBe(200);
    expect(answer.json().user.email).toBe(person.email);
  });

  it('stores an argon2id hash and only a hash of the session token', async () => {
    const person = aSignUp();
    const { cookie } = await aSignedUpClient(haven, person);
    const token = cookie.split('=')[1]!;
    const user = await haven.db.selectFrom('users').selectAll().where('email', '=', person.email).executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const sessions = await haven.db.selectFrom('login_sessions').select('token_hash').where('user_id', '=', user.id).execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.token_hash).not.toContain(token);
  });

  it('makes no second account for the same email in another case, and keeps the first password', async () => {
    const person = aSignUp();
    await aSignedUpClient(haven, person);
    const other = aSignUp();
    const again = await post('/api/auth/sign-up', { ...other, email: person.email.toUpperCase() });
    expect(again.statusCode).toBe(202);
    expect(await countUsers(person.email)).toBe(1);
    expect((await post('/api/auth/sign-in', { email: person.email, password: other.password })).statusCode).toBe(401);
    expect((await post('/api/auth/sign-in', { email: person.email, password: person.password })).statusCode).toBe(200);
  });

  it('keeps exactly one account when the same sign-up races itself', async () => {
    const person = aSignUp();
    const answers = await Promise.all([1, 2, 3].map(() => post('/api/auth/sign-up', person)));
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202]);
    expect(await countUsers(person.email)).toBe(1);
  });

  it('refuses a weak password with a reason, and writes nothing', async () => {
    const person = aSignUp({ password: 'password123' });
    const response = await post('/api/auth/sign-up', person);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('weak_password');
    expect(await countUsers(person.email)).toBe(0);
  });

  it('names the field when the password is too short', async () => {
    const response = await post('/api/auth/sign-up', aSignUp({ password: 'short' }));
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.issues).toEqual([{ field: 'password', message: 'Use at least 10 characters for your password.' }]);
  });

  it.each([
    ['an unknown field', { ...aSignUp(), isAdmin: true }, 400, 'validation_failed', /isAdmin/],
    ['a wrong type', { ...aSignUp(), email: 42 }, 400, 'validation_failed', /email/],
    ['a missing field', { email: 'x@example.org', password: 'long enough pass phrase' }, 400, 'validation_failed', /preferredName/],
  ])('refuses %s with a message that says what is wrong', async (_label, body, status, code, pattern) => {
    const response = await post('/api/auth/sign-up', body);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
    expect(JSON.stringify(response.json().error)).toMatch(pattern);
  });

  it('refuses malformed JSON, a non-JSON body and an oversized body', async () => {
    const malformed = await post('/api/auth/sign-up', '{"email": ', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('malformed_request');

    const form = await post('/api/auth/sign-up', 'email=a@b.c', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.code).toBe('unsupported_media_type');

    const huge = await post('/api/auth/sign-up', { ...aSignUp(), preferredName: 'x'.repeat(200_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the email in any case, and sign-out ends the session on the server', async () => {
    const person = aSignUp();
    await aSignedUpClient(haven, person);
    const signedIn = await post('/api/auth/sign-in', { email: person.email.toUpperCase(), password: person.password });
    expect(signedIn.statusCode).toBe(200);
    const cookie = sessionCookieFrom(signedIn.headers['set-cookie']);
    expect((await me(cookie)).statusCode).toBe(200);

    const out = await haven.as(cookie).post('/api/auth/sign-out');
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/haven_session=;/);
    // Replaying the old cookie after sign-out gets nothing.
    const replay = await me(cookie);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('unauthenticated');
  });

  it('answers a wrong password and an unknown email in exactly the same way', async () => {
    const person = aSignUp();
    await aSignedUpClient(haven, person);
    const wrongPassword = await post('/api/auth/sign-in', { email: person.email, password: 'not the password at all' });
    const unknownEmail = await post('/api/auth/sign-in', { email: `nobody.${person.email}`, password: person.password });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    const strip = (body: { error: { requestId?: string } }) => ({ ...body.error, requestId: undefined });
    expect(strip(wrongPassword.json())).toEqual(strip(unknownEmail.json()));
    expect(wrongPassword.json().error.code).toBe('invalid_credentials');
  });

  it('ends a session after 30 idle minutes and after 12 hours in all', async () => {
    const person = aSignUp();
    await aSignedUpClient(haven, person);
    const start = new Date('2026-03-01T09:00:00Z');
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
    const policy = haven.app.config.session;

    const idle = await signIn(haven.db, policy, person, start);
    expect(await authenticate(haven.db, policy, idle.token, minutes(29))).not.toBeNull();
    expect(await authenticate(haven.db, policy, idle.token, minutes(29 + 31))).toBeNull();

    // Active every 20 minutes: alive until the absolute limit, then gone.
    const busy = await signIn(haven.db, policy, person, start);
    for (let m = 20; m < 12 * 60; m += 20) {
      expect(await authenticate(haven.db, policy, busy.token, minutes(m))).not.toBeNull();
    }
    expect(await authenticate(haven.db, policy, busy.token, minutes(12 * 60 + 1))).toBeNull();
  });

  it('refuses a sign-in posted from another site', async () => {
    const person = aSignUp();
    await aSignedUpClient(haven, person);
    const response = await post('/api/auth/sign-in', person, { origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });
});

describe('admin accounts', () => {
  it('are created from configuration once, and can sign in with the admin role', async () => {
    const admin = { email: 'ops.lead@example.org', password: 'steady river granite 4417' };
    expect(await ensureAdmin(haven.db, admin)).toBe('created');
    expect(await ensureAdmin(haven.db, admin)).toBe('exists');
    const response = await post('/api/auth/sign-in', admin);
    expect(response.json().user.role).toBe('admin');
  });
});
