import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { aSignedUpClient } from '../../testing/clients.ts';
import { aSignUp } from '../../testing/factories.ts';
import { useTestApp } from '../../testing/harness.ts';
import { emailedToken, mailTo } from '../../testing/mailbox.ts';
import { signIn } from '../../testing/test-app.ts';

const haven = useTestApp();
const { post } = haven.signedOut;
const me = async (cookie: string) => haven.as(cookie).get('/api/me');

function visible(response: LightMyRequestResponse) {
  const { 'x-request-id': _id, date: _date, 'x-ratelimit-remaining': _left, 'x-ratelimit-reset': _reset, ...headers } = response.headers;
  return { status: response.statusCode, headers, body: response.body };
}

describe('changing the email address', () => {
  it('changes nothing until the link sent to the new address is used; then the other sign-ins end', async () => {
    const person = aSignUp();
    const { cookie } = await aSignedUpClient(haven, person);
    const elsewhere = await signIn(haven.app, { email: person.email, password: person.password });
    const newEmail = aSignUp().email;

    const asked = await haven.as(cookie).post('/api/account/email', { newEmail, currentPassword: person.password });
    expect(asked.statusCode).toBe(202);
    expect(asked.json().message).toMatch(/Check the new address/);

    // Asked for, not yet made: the old address still signs in, the new one does not.
    expect((await me(cookie)).json().user.email).toBe(person.email);
    expect((await me(elsewhere)).statusCode).toBe(200);
    expect((await post('/api/auth/sign-in', { email: newEmail, password: person.password })).statusCode).toBe(401);
    const notice = (await mailTo(haven.db, person.email)).at(-1)!;
    expect(notice.template).toBe('account.email_change_requested');
    expect(notice.text).toContain(newEmail);
    expect(notice.text).not.toMatch(/confirm-email/);

    const token = await emailedToken(haven.db, newEmail, '/confirm-email');
    const confirmed = await haven.as(cookie).post('/api/account/email/confirm', { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ email: newEmail, ended: 1 });

    expect((await me(cookie)).json().user.email).toBe(newEmail);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await post('/api/auth/sign-in', { email: newEmail, password: person.password })).statusCode).toBe(200);
    expect((await post('/api/auth/sign-in', { email: person.email, password: person.password })).statusCode).toBe(401);

    const again = await post('/api/account/email/confirm', { token });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('link_unusable');
  });

  it('two accounts confirming one new address at once: one gets it, the other is told it is taken (never a 500)', async () => {
    const newEmail = aSignUp().email;
    const people = await Promise.all(
      [0, 1].map(async () => {
        const person = aSignUp();
        const { cookie } = await aSignedUpClient(haven, person);
        await haven.as(cookie).post('/api/account/email', { newEmail, currentPassword: person.password });
        return cookie;
      }),
    );
    const tokens = (await mailTo(haven.db, newEmail))
      .flatMap((mail) => [...mail.text.matchAll(/https?:\/\/\S+/g)].map((m) => new URL(m[0])))
      .filter((url) => url.pathname === '/confirm-email')
      .map((url) => url.searchParams.get('token')!);
    expect(tokens).toHaveLength(2);
    const answers = await Promise.all(tokens.map((token, i) => haven.as(people[i]).post('/api/account/email/confirm', { token })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.code).toBe('email_taken');
  });

  it('opened signed out, ends every sign-in of the account', async () => {
    const person = aSignUp();
    const { cookie } = await aSignedUpClient(haven, person);
    const newEmail = aSignUp().email;
    await haven.as(cookie).post('/api/account/email', { newEmail, currentPassword: person.password });
    const token = await emailedToken(haven.db, newEmail, '/confirm-email');
    const confirmed = await post('/api/account/email/confirm', { token });
    expect(confirmed.json()).toEqual({ email: newEmail, ended: 1 });
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('answers a taken new address exactly as a free one, and emails its owner no link and no name', async () => {
    const owner = aSignUp();
    await aSignedUpClient(haven, owner);
    const person = aSignUp();
    const { cookie } = await aSignedUpClient(haven, person);
    const before = (await mailTo(haven.db, owner.email)).length;

    const toTaken = await haven.as(cookie).post('/api/account/email', { newEmail: owner.email, currentPassword: person.password });
    const toFree = await haven.as(cookie).post('/api/account/email', { newEmail: aSignUp().email, currentPassword: person.password });
    expect(visible(toTaken)).toEqual(visible(toFree));
    expect(toTaken.statusCode).toBe(202);

    const toOwner = (await mailTo(haven.db, owner.email)).slice(before);
    expect(toOwner.map((m) => m.template)).toEqual(['account.email_change_taken']);
    expect(toOwner[0]!.text).not.toMatch(/confirm-email|token=/);
    expect(toOwner[0]!.text).not.toContain(person.email);
    expect(toOwner[0]!.text).not.toContain(person.preferredName);
    // The person who asked still has their own address.
    expect((await me(cookie)).json().user.email).toBe(person.email);
  });

  it('refuses a wrong current password, the same address, and a request without a sign-in, saying what to fix', async () => {
    const person = aSignUp();
    const { cookie } = await aSignedUpClient(haven, person);
    const wrong = await haven
      .as(cookie)
      .post('/api/account/email', { newEmail: aSignUp().email, currentPassword: 'not my password at all' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues).toEqual([{ field: 'currentPassword', message: expect.stringMatching(/not your current password/) }]);

    const same = await haven
      .as(cookie)
      .post('/api/account/email', { newEmail: person.email.toUpperCase(), currentPassword: person.password });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.issues).toEqual([{ field: 'newEmail', message: expect.stringMatching(/already the email address/) }]);

    const signedOut = await post('/api/account/email', { newEmail: aSignUp().email, currentPassword: person.password });
    expect(signedOut.statusCode).toBe(401);

    const invalid = await haven.as(cookie).post('/api/account/email', { newEmail: 'not an address', currentPassword: person.password });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.issues[0].field).toBe('newEmail');
  });

  it('a newer request replaces the older link', async () => {
    const person = aSignUp();
    const { cookie } = await aSignedUpClient(haven, person);
    const first = aSignUp().email;
    await haven.as(cookie).post('/api/account/email', { newEmail: first, currentPassword: person.password });
    const firstToken = await emailedToken(haven.db, first, '/confirm-email');
    const second = aSignUp().email;
    await haven.as(cookie).post('/api/account/email', { newEmail: second, currentPassword: person.password });
    expect((await post('/api/account/email/confirm', { token: firstToken })).statusCode).toBe(410);
    const token = await emailedToken(haven.db, second, '/confirm-email');
    expect((await post('/api/account/email/confirm', { token })).json().email).toBe(second);
  });
});
