import type { ApiError } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import { aSignedUpClient, aMatchedClient } from '../../testing/clients.ts';
import { drainEvents } from '../../testing/events.ts';
import { useTestApp } from '../../testing/harness.ts';
import { connectLive } from '../../testing/live-socket.ts';
import { emailedToken, mailTo } from '../../testing/mailbox.ts';
import { insertProvider } from '../../testing/network.ts';
import { signIn } from '../../testing/test-app.ts';

const haven = useTestApp({ listen: true });

const requestReset = (email: string) => haven.signedOut.post('/api/auth/password-reset', { email });
const completeReset = (token: string, password: string) => haven.signedOut.post('/api/auth/password-reset/complete', { token, password });
const canSignIn = async (email: string, password: string) =>
  (await haven.signedOut.post('/api/auth/sign-in', { email, password })).statusCode === 200;
const auditActions = async (userId: string) =>
  (await haven.db.selectFrom('audit_events').select('action').where('subject_id', '=', userId).orderBy('seq').execute()).map(
    (r) => r.action,
  );

describe('forgot password', () => {
  it('answers a registered and an unknown address identically, and emails only the registered one', async () => {
    const { signUp } = await aSignedUpClient(haven);
    const stranger = `nobody.${Date.now()}@example.org`;
    const known = await requestReset(signUp.email);
    const unknown = await requestReset(stranger);
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());

    const mail = await mailTo(haven.db, signUp.email);
    expect(mail.map((m) => m.template)).toContain('account.password_reset');
    expect(await mailTo(haven.db, stranger)).toEqual([]);
  });

  it('sets the new password once, ends every sign-in and closes its sockets, without signing anyone in', async () => {
    const provider = await insertProvider(haven.db, { states: ['VT'] });
    const { cookie, userId, signUp, roomId } = await aMatchedClient(haven, { state: 'VT' }, { expectProvider: provider.id });
    const laptop = await signIn(haven.app, { email: signUp.email, password: signUp.password });
    const tab = await connectLive(haven.baseUrl, cookie);
    tab.send({ type: 'subscribe', roomId, afterSeq: 0 });
    await tab.next((f) => f.type === 'subscribed');
    const closing = new Promise<number>((resolve) => tab.socket.once('close', (code) => resolve(code)));

    await requestReset(signUp.email);
    const token = await emailedToken(haven.db, signUp.email, '/reset-password');
    const newPassword = 'a brand new meadow of sixty kites';
    const done = await completeReset(token, newPassword);
    expect(done.statusCode, done.body).toBe(204);
    expect(done.headers['set-cookie']).toBeUndefined();

    expect(await closing).toBe(4401);
    expect((await haven.as(cookie).get('/api/me')).statusCode).toBe(401);
    expect((await haven.as(laptop).get('/api/me')).statusCode).toBe(401);
    expect(await canSignIn(signUp.email, signUp.password)).toBe(false);
    expect(await canSignIn(signUp.email, newPassword)).toBe(true);

    const again = await completeReset(token, 'another fresh meadow of kites');
    expect(again.statusCode).toBe(410);
    expect(again.json<ApiError>().error.code).toBe('link_unusable');

    await drainEvents(haven.app.context);
    expect((await mailTo(haven.db, signUp.email)).map((m) => m.template)).toContain('account.password_changed');
    expect(await auditActions(userId)).toEqual(
      expect.arrayContaining(['account.password_reset_requested', 'account.password_reset_completed']),
    );
  });

  it('keeps no token in clear: not in the database, not in the event log', async () => {
    const { signUp } = await aSignedUpClient(haven);
    await requestReset(signUp.email);
    const token = await emailedToken(haven.db, signUp.email, '/reset-password');
    const stored = await haven.db.selectFrom('account_tokens').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    const events = await haven.db.selectFrom('domain_events').select('payload').execute();
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it('lets only the newest link work: a newer request supersedes the older one', async () => {
    const { signUp } = await aSignedUpClient(haven);
    await requestReset(signUp.email);
    const first = await emailedToken(haven.db, signUp.email, '/reset-password');
    await requestReset(signUp.email);
    const second = await emailedToken(haven.db, signUp.email, '/reset-password');
    expect(second).not.toBe(first);
    expect((await completeReset(first, 'the older link should fail now')).statusCode).toBe(410);
    expect((await completeReset(second, 'the newer link sets this one')).statusCode).toBe(204);
  });

  it('refuses an expired link', async () => {
    const { signUp, userId } = await aSignedUpClient(haven);
    await requestReset(signUp.email);
    const token = await emailedToken(haven.db, signUp.email, '/reset-password');
    await haven.db
      .updateTable('account_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', userId)
      .execute();
    expect((await completeReset(token, 'too late for this link now')).statusCode).toBe(410);
    expect(await canSignIn(signUp.email, signUp.password)).toBe(true);
  });

  it('holds a new password to the sign-up strength rules, and the link survives a weak attempt', async () => {
    const { signUp } = await aSignedUpClient(haven);
    await requestReset(signUp.email);
    const token = await emailedToken(haven.db, signUp.email, '/reset-password');
    const weak = await completeReset(token, 'password123');
    expect(weak.statusCode).toBe(422);
    expect(weak.json<ApiError>().error.code).toBe('weak_password');
    expect((await completeReset(token, 'now a properly long passphrase')).statusCode).toBe(204);
  });

  it('refuses a malformed link with a message a person can act on', async () => {
    const response = await completeReset('short', 'whatever it is it is long');
    expect(response.statusCode).toBe(400);
    expect(response.json<ApiError>().error.issues?.[0]?.message).toMatch(/link/);
  });
});

describe('change password', () => {
  it('needs the current password', async () => {
    const { cookie, signUp } = await aSignedUpClient(haven);
    const wrong = await haven
      .as(cookie)
      .post('/api/auth/password', { currentPassword: 'not my password', newPassword: 'a sturdy new passphrase here' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ApiError>().error.issues?.[0]?.field).toBe('currentPassword');
    expect(await canSignIn(signUp.email, signUp.password)).toBe(true);
    expect(
      (await haven.signedOut.post('/api/auth/password', { currentPassword: 'x', newPassword: 'a sturdy new passphrase here' })).statusCode,
    ).toBe(401);
  });

  it('sets the new one, keeps this sign-in, ends the others, and tells the owner', async () => {
    const { cookie, signUp, userId } = await aSignedUpClient(haven);
    const phone = await signIn(haven.app, { email: signUp.email, password: signUp.password });
    const newPassword = 'orchard lamplight over seven hills';
    const changed = await haven.as(cookie).post('/api/auth/password', { currentPassword: signUp.password, newPassword });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ ended: 1 });
    expect((await haven.as(cookie).get('/api/me')).statusCode).toBe(200);
    expect((await haven.as(phone).get('/api/me')).statusCode).toBe(401);
    expect(await canSignIn(signUp.email, newPassword)).toBe(true);
    await drainEvents(haven.app.context);
    expect((await mailTo(haven.db, signUp.email)).map((m) => m.template)).toContain('account.password_changed');
    expect(await auditActions(userId)).toContain('account.password_changed');
  });
});
