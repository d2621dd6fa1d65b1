import type { SignInSession } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import { aSignedUpClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { connectLive } from '../../testing/live-socket.ts';
import { sessionCookieFrom } from '../../testing/test-app.ts';

const haven = useTestApp({ listen: true });

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

async function signInFrom(credentials: { email: string; password: string }, userAgent: string): Promise<string> {
  const response = await haven.signedOut.post('/api/auth/sign-in', credentials, { 'user-agent': userAgent });
  expect(response.statusCode).toBe(200);
  return sessionCookieFrom(response.headers['set-cookie']);
}

const sessionsOf = async (cookie: string) =>
  (await haven.as(cookie).get('/api/auth/sessions')).json<{ sessions: SignInSession[] }>().sessions;

describe('a person’s sign-in sessions', () => {
  it('lists their own, with a device label and the current one marked', async () => {
    const { cookie, signUp } = await aSignedUpClient(haven);
    const credentials = { email: signUp.email, password: signUp.password };
    const laptop = await signInFrom(credentials, FIREFOX_WINDOWS);
    await aSignedUpClient(haven); // someone else's sessions never show

    const sessions = await sessionsOf(laptop);
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toEqual([expect.objectContaining({ device: 'Firefox on Windows' })]);
    expect((await sessionsOf(cookie)).find((s) => s.current)?.device).not.toBe('Firefox on Windows');
    expect((await haven.signedOut.get('/api/auth/sessions')).statusCode).toBe(401);
  });

  it('ends one of their own and closes its socket; another person’s id is not found', async () => {
    const { cookie, signUp } = await aSignedUpClient(haven);
    const phone = await signInFrom({ email: signUp.email, password: signUp.password }, 'Mozilla/5.0 (iPhone) Safari/604.1');
    const phoneTab = await connectLive(haven.baseUrl, phone);
    const closing = new Promise<number>((resolve) => phoneTab.socket.once('close', (code) => resolve(code)));
    const phoneSession = (await sessionsOf(phone)).find((s) => s.current)!;

    const someoneElse = await aSignedUpClient(haven);
    const theirs = (await sessionsOf(someoneElse.cookie))[0]!;
    const refused = await haven.as(cookie).delete(`/api/auth/sessions/${theirs.id}`);
    expect(refused.statusCode).toBe(404);
    expect((await haven.as(someoneElse.cookie).get('/api/me')).statusCode).toBe(200);

    expect((await haven.as(cookie).delete(`/api/auth/sessions/${phoneSession.id}`)).statusCode).toBe(204);
    expect(await closing).toBe(4401);
    expect((await haven.as(phone).get('/api/me')).statusCode).toBe(401);
    expect((await haven.as(cookie).delete(`/api/auth/sessions/${phoneSession.id}`)).statusCode).toBe(404);
    expect((await haven.as(cookie).delete('/api/auth/sessions/not-a-uuid')).statusCode).toBe(400);
  });

  it('signs out everywhere else, keeping this one', async () => {
    const { cookie, signUp, userId } = await aSignedUpClient(haven);
    const credentials = { email: signUp.email, password: signUp.password };
    const others = [await signInFrom(credentials, FIREFOX_WINDOWS), await signInFrom(credentials, 'curl/8.0')];
    const tab = await connectLive(haven.baseUrl, others[0]!);
    const closing = new Promise<number>((resolve) => tab.socket.once('close', (code) => resolve(code)));

    const ended = await haven.as(cookie).post('/api/auth/sessions/sign-out-others');
    expect(ended.json()).toEqual({ ended: 2 });
    expect(await closing).toBe(4401);
    for (const other of others) expect((await haven.as(other).get('/api/me')).statusCode).toBe(401);
    expect(await sessionsOf(cookie)).toEqual([expect.objectContaining({ current: true })]);
    const audit = await haven.db.selectFrom('audit_events').select('action').where('subject_id', '=', userId).execute();
    expect(audit.map((a) => a.action)).toContain('account.other_sessions_ended');
  });
});
