import { randomUUID } from 'node:crypto';
import type { ApiError, Message } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { aMatchedClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { connectLive } from '../../testing/live-socket.ts';
import { giveProviderAccount, insertProvider, signInAsProvider } from '../../testing/network.ts';
import { sessionCookieFrom, signIn } from '../../testing/test-app.ts';

// Pings at the default 25 s, so a socket that closes within 5 s was closed by the live bus, not a re-check.
const haven = useTestApp({ listen: true, admin: true });

const closed = (socket: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket stayed open for 5 s')), 5_000);
    socket.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });

async function pair() {
  const provider = await insertProvider(haven.db, { states: ['OR'] });
  const { cookie: client, roomId } = await aMatchedClient(haven, { state: 'OR' }, { expectProvider: provider.id });
  return { client, provider, roomId };
}

async function subscribedTab(cookie: string, roomId: string) {
  const tab = await connectLive(haven.baseUrl, cookie);
  tab.send({ type: 'subscribe', roomId, afterSeq: 0 });
  await tab.next((f) => f.type === 'subscribed');
  return tab;
}

describe('when a sign-in ends, its live sockets close', () => {
  it('on sign-out, within seconds, and hear nothing sent afterwards', async () => {
    const { client, provider, roomId } = await pair();
    const providerCookie = await signInAsProvider(haven.app, provider.id);
    const tab = await subscribedTab(client, roomId);
    const closing = closed(tab.socket);

    expect((await haven.as(client).post('/api/auth/sign-out')).statusCode).toBe(204);
    expect((await closing).code).toBe(4401);

    const sent = await haven
      .as(providerCookie)
      .post(`/api/rooms/${roomId}/messages`, { clientMessageId: randomUUID(), text: 'After you left.' });
    expect(sent.statusCode).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tab.frames.filter((f) => f.type === 'message' && f.message.id === sent.json<Message>().id)).toEqual([]);
  });

  it('on deactivation: the provider’s socket closes and their cookie stops working', async () => {
    const { provider, roomId } = await pair();
    const cookie = await signIn(haven.app, await giveProviderAccount(haven.db, provider.id));
    const tab = await subscribedTab(cookie, roomId);
    const closing = closed(tab.socket);

    const deactivated = await haven
      .as(haven.admin)
      .post(`/api/admin/providers/${provider.id}/deactivate`, { reason: 'Licence under review.' });
    expect(deactivated.statusCode).toBe(200);
    expect((await closing).code).toBe(4401);

    expect((await haven.as(cookie).get('/api/me')).statusCode).toBe(401);
    expect((await haven.as(cookie).get(`/api/provider/sessions/${randomUUID()}/note`)).statusCode).toBe(401);
  });
});

describe('a deactivated provider', () => {
  it('is refused sign-in exactly like a wrong password, until reactivated', async () => {
    const provider = await insertProvider(haven.db, { states: ['OR'] });
    const credentials = await giveProviderAccount(haven.db, provider.id);
    const deactivate = `/api/admin/providers/${provider.id}/deactivate`;
    expect((await haven.as(haven.admin).post(deactivate, { reason: 'Licence under review.' })).statusCode).toBe(200);

    const signInWith = (password: string) => haven.signedOut.post('/api/auth/sign-in', { email: credentials.email, password });
    const refused = await signInWith(credentials.password);
    const wrongPassword = await signInWith('not the password at all');
    expect(refused.statusCode).toBe(401);
    const answer = (r: typeof refused) => ({ ...r.json<ApiError>().error, requestId: undefined });
    expect(answer(refused)).toEqual(answer(wrongPassword));

    expect((await haven.as(haven.admin).post(`/api/admin/providers/${provider.id}/activate`)).statusCode).toBe(200);
    const again = await signInWith(credentials.password);
    expect(again.statusCode).toBe(200);
    expect((await haven.as(sessionCookieFrom(again.headers['set-cookie'])).get('/api/me')).statusCode).toBe(200);
  });
});
