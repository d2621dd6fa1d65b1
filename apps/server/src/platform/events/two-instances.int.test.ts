import { randomUUID } from 'node:crypto';
import type { Message } from '@haven/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { buildApp, type App } from '../../app.ts';
import { aMatchedClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { connectLive } from '../../testing/live-socket.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';
import { testDatabaseUrl, testRedisUrl } from '../config.ts';

const redisUrl = testRedisUrl();

// Two Havens on one PostgreSQL schema and one Redis, as behind a load balancer: what one
// instance does, a socket held by the other hears at once.
describe.skipIf(!testDatabaseUrl() || !redisUrl)('two instances sharing PostgreSQL and Redis', () => {
  const haven = useTestApp({ listen: true, env: { REDIS_URL: redisUrl ?? '' } });
  let other: App;
  let otherUrl: string;
  beforeAll(async () => {
    other = await buildApp(haven.app.config);
    otherUrl = await other.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await other?.close();
  });

  async function pairOnTheOtherInstance() {
    const provider = await insertProvider(haven.db, { states: ['WA'] });
    const client = await aMatchedClient(haven, { state: 'WA' }, { expectProvider: provider.id });
    const tab = await connectLive(otherUrl, client.cookie);
    tab.send({ type: 'subscribe', roomId: client.roomId, afterSeq: 0 });
    await tab.next((f) => f.type === 'subscribed');
    return { client, provider, tab };
  }

  const closedWithin5s = (socket: WebSocket) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the socket stayed open for 5 s')), 5_000);
      socket.once('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });

  it('delivers a message sent on one instance to a socket on the other', async () => {
    const { client, provider, tab } = await pairOnTheOtherInstance();
    const providerCookie = await signInAsProvider(haven.app, provider.id);
    const sent = await haven
      .as(providerCookie)
      .post(`/api/rooms/${client.roomId}/messages`, { clientMessageId: randomUUID(), text: 'From the first instance.' });
    expect(sent.statusCode).toBe(201);
    const id = sent.json<Message>().id;
    await tab.next((f) => f.type === 'message' && f.message.id === id);
    tab.socket.close();
  });

  it('closes a socket held by the other instance when its sign-in ends on this one', async () => {
    const { client, tab } = await pairOnTheOtherInstance();
    const closing = closedWithin5s(tab.socket);
    expect((await haven.as(client.cookie).post('/api/auth/sign-out')).statusCode).toBe(204);
    expect(await closing).toBe(4401);
  });
});
