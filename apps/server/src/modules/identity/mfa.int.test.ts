import { describe, expect, it } from 'vitest';
import { aSignedUpClient } from '../../testing/clients.ts';
import { drainEvents } from '../../testing/events.ts';
import { useTestApp } from '../../testing/harness.ts';
import { anEnrolledAdmin, enrolInMfa, signInWithCode, totpCode } from '../../testing/mfa.ts';
import { aProvider } from '../../testing/network.ts';
import { sessionCookieFrom } from '../../testing/test-app.ts';

const haven = useTestApp({ env: { HAVEN_REQUIRE_MFA: 'on' } });

const auditOf = (userId: string) =>
  haven.db.selectFrom('audit_events').select(['action', 'reason', 'actor_id']).where('subject_id', '=', userId).orderBy('seq').execute();

async function anEnrolledClient() {
  const client = await aSignedUpClient(haven);
  const enrolled = await enrolInMfa(haven, client.cookie);
  return { ...client, ...enrolled, credentials: { email: client.signUp.email, password: client.signUp.password } };
}

describe('enrolment', () => {
  it('keeps the secret sealed and pending until a current code confirms it, then hands out ten recovery codes kept only hashed', async () => {
    const client = await aSignedUpClient(haven);
    const started = await haven.as(client.cookie).post('/api/account/mfa/enrolment');
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = started.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const factor = await haven.db.selectFrom('mfa_factors').selectAll().where('user_id', '=', client.userId).executeTakeFirstOrThrow();
    expect(factor.status).toBe('pending');
    expect(factor.secret_sealed).not.toContain(secret);

    const wrong = await haven.as(client.cookie).post('/api/account/mfa/enrolment/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_mfa_code');
    expect((await haven.as(client.cookie).get('/api/account/mfa')).json()).toMatchObject({ enabled: false });

    const confirmed = await haven.as(client.cookie).post('/api/account/mfa/enrolment/confirm', { code: await totpCode(secret) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json<{ recoveryCodes: string[] }>();
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await haven.db.selectFrom('mfa_recovery_codes').select('code_hash').where('user_id', '=', client.userId).execute();
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) expect(stored.map((s) => s.code_hash)).not.toContain(code);
    expect((await haven.as(client.cookie).get('/api/account/mfa')).json()).toEqual({
      enabled: true,
      required: false,
      recoveryCodesLeft: 10,
    });
    expect((await auditOf(client.userId)).map((a) => a.action)).toContain('mfa.enrolled');
  });

  it('refuses a confirm code that is not six digits with a message naming the field', async () => {
    const client = await aSignedUpClient(haven);
    await haven.as(client.cookie).post('/api/account/mfa/enrolment');
    const answer = await haven.as(client.cookie).post('/api/account/mfa/enrolment/confirm', { code: 'abc' });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.issues[0]).toMatchObject({ field: 'code', message: expect.stringMatching(/6-digit/) });
  });
});

describe('signing in with two-step sign-in on', () => {
  it('starts no session with the password alone, and signs in with a current code', async () => {
    const client = await anEnrolledClient();
    const first = await haven.signedOut.post('/api/auth/sign-in', client.credentials);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ mfaRequired: true });
    const pending = sessionCookieFrom(first.headers['set-cookie']);
    expect(pending).toMatch(/^haven_mfa=/);
    expect((await haven.as(pending).get('/api/me')).statusCode).toBe(401);
    const sessions = await haven.db.selectFrom('login_sessions').select('id').where('user_id', '=', client.userId).execute();

    const second = await haven.as(pending).post('/api/auth/mfa', { code: await totpCode(client.secret, 1) });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().user.id).toBe(client.userId);
    const session = sessionCookieFrom(second.headers['set-cookie']);
    expect((await haven.as(session).get('/api/me')).statusCode).toBe(200);
    const after = await haven.db.selectFrom('login_sessions').select('id').where('user_id', '=', client.userId).execute();
    expect(after).toHaveLength(sessions.length + 1);
  });

  it('refuses a code already used (replay), even within its window', async () => {
    const client = await anEnrolledClient();
    // The code that confirmed enrolment is spent; so is any older one.
    const replay = await signInWithCode(haven, client.credentials, await totpCode(client.secret));
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('invalid_mfa_code');
    const next = await totpCode(client.secret, 1);
    expect((await signInWithCode(haven, client.credentials, next)).statusCode).toBe(200);
    expect((await signInWithCode(haven, client.credentials, next)).statusCode).toBe(401);
  });

  it('ends the pending sign-in after five wrong codes, and audits each', async () => {
    const client = await anEnrolledClient();
    const first = await haven.signedOut.post('/api/auth/sign-in', client.credentials);
    const pending = haven.as(sessionCookieFrom(first.headers['set-cookie']));
    for (let i = 0; i < 4; i++)
      expect((await pending.post('/api/auth/mfa', { code: '000000' })).json().error.code).toBe('invalid_mfa_code');
    expect((await pending.post('/api/auth/mfa', { code: '000000' })).json().error.code).toBe('mfa_challenge_ended');
    const right = await pending.post('/api/auth/mfa', { code: await totpCode(client.secret, 1) });
    expect(right.statusCode).toBe(401);
    expect(right.json().error.code).toBe('mfa_challenge_ended');
    expect((await auditOf(client.userId)).filter((a) => a.action === 'mfa.code_failed')).toHaveLength(5);
  });

  it('takes a recovery code once, audited', async () => {
    const client = await anEnrolledClient();
    const code = client.recoveryCodes[3]!;
    const used = await signInWithCode(haven, client.credentials, code.toUpperCase());
    expect(used.statusCode, used.body).toBe(200);
    expect((await signInWithCode(haven, client.credentials, code)).statusCode).toBe(401);
    expect((await auditOf(client.userId)).map((a) => a.action)).toContain('mfa.recovery_code_used');
    expect((await haven.as(sessionCookieFrom(used.headers['set-cookie'])).get('/api/account/mfa')).json().recoveryCodesLeft).toBe(9);
  });

  it('refuses the second step with no pending sign-in', async () => {
    const answer = await haven.signedOut.post('/api/auth/mfa', { code: '123456' });
    expect(answer.statusCode).toBe(401);
    expect(answer.json().error.code).toBe('mfa_challenge_ended');
  });
});

describe('turning off and new recovery codes', () => {
  it('turns off only with the password and a code, audited; sign-in is then one step', async () => {
    const client = await anEnrolledClient();
    const as = haven.as(client.cookie);
    const badPassword = await as.post('/api/account/mfa/disable', { password: 'not my password', code: client.recoveryCodes[0] });
    expect(badPassword.statusCode).toBe(400);
    expect(badPassword.json().error.issues[0].field).toBe('password');
    const badCode = await as.post('/api/account/mfa/disable', { password: client.credentials.password, code: '000000' });
    expect(badCode.json().error.code).toBe('invalid_mfa_code');
    const off = await as.post('/api/account/mfa/disable', { password: client.credentials.password, code: client.recoveryCodes[0] });
    expect(off.statusCode).toBe(204);
    expect((await auditOf(client.userId)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['mfa.enrolled', 'mfa.code_failed', 'mfa.recovery_code_used', 'mfa.disabled']),
    );
    expect((await haven.signedOut.post('/api/auth/sign-in', client.credentials)).json().user.id).toBe(client.userId);
  });

  it('replaces the recovery codes: the old ones stop working', async () => {
    const client = await anEnrolledClient();
    const fresh = await haven.as(client.cookie).post('/api/account/mfa/recovery-codes', { code: client.recoveryCodes[0] });
    expect(fresh.statusCode).toBe(200);
    const { recoveryCodes } = fresh.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    expect((await signInWithCode(haven, client.credentials, client.recoveryCodes[1]!)).statusCode).toBe(401);
    expect((await signInWithCode(haven, client.credentials, recoveryCodes[1]!)).statusCode).toBe(200);
  });
});

describe('required for providers and admins', () => {
  it('refuses a provider without two-step sign-in everything but enrolment, /api/me and sign-out', async () => {
    const provider = await aProvider(haven);
    const as = haven.as(provider.cookie);
    const refused = await as.get('/api/provider/profile');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'mfa_enrolment_required', message: expect.stringMatching(/two-step/) });
    expect((await as.get('/api/me')).statusCode).toBe(200);
    expect((await as.get('/api/account/mfa')).json()).toMatchObject({ enabled: false, required: true });
    await enrolInMfa(haven, provider.cookie);
    expect((await as.get('/api/provider/profile')).statusCode).not.toBe(403);
    expect((await as.post('/api/auth/sign-out')).statusCode).toBe(204);
  });

  it('asks nothing of a client who has not turned it on', async () => {
    const client = await aSignedUpClient(haven);
    expect((await haven.as(client.cookie).get('/api/care')).statusCode).not.toBe(403);
  });
});

describe('operator reset', () => {
  it('turns off a person’s two-step sign-in with a recorded reason, ends their sessions, audits it and emails them', async () => {
    const admin = await anEnrolledAdmin(haven);
    const client = await anEnrolledClient();
    const noReason = await haven.as(admin.cookie).post(`/api/admin/users/${client.userId}/mfa/reset`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const notAdmin = await haven
      .as(client.cookie)
      .post(`/api/admin/users/${client.userId}/mfa/reset`, { reason: 'I lost my phone, really' });
    expect(notAdmin.statusCode).toBe(403);

    const reason = 'Lost phone; identity checked by video call, ticket 4411';
    const reset = await haven.as(admin.cookie).post(`/api/admin/users/${client.userId}/mfa/reset`, { reason });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await haven.as(client.cookie).get('/api/me')).statusCode).toBe(401);
    expect(await auditOf(client.userId)).toContainEqual({ action: 'mfa.reset', reason, actor_id: admin.userId });
    expect((await haven.signedOut.post('/api/auth/sign-in', client.credentials)).json().user.id).toBe(client.userId);

    await drainEvents(haven.app.context);
    const mail = await haven.db.selectFrom('outbox_emails').selectAll().where('to_address', '=', client.signUp.email).execute();
    expect(mail.map((m) => m.subject)).toContain('Your two-step sign-in was reset');
    expect(mail.map((m) => m.body_text).join()).not.toContain('ticket 4411');
  });
});
