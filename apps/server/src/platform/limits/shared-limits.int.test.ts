import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.ts';
import { aMatchedClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { insertProvider } from '../../testing/network.ts';
import { testDatabaseUrl, testRedisUrl } from '../config.ts';

const redisUrl = testRedisUrl();

// Two Havens on one PostgreSQL schema and one Redis, as behind a load balancer: a person whose
// requests alternate between them is counted once, not once per instance.
describe.skipIf(!testDatabaseUrl() || !redisUrl)('rate limits across two instances sharing Redis', () => {
  const haven = useTestApp({ env: { REDIS_URL: redisUrl ?? '', RATE_LIMIT_MESSAGES_PER_MINUTE: '6' } });
  let other: App;
  beforeAll(async () => {
    other = await buildApp(haven.app.config);
  });
  afterAll(async () => {
    await other?.close();
  });

  it('share one count: the 7th message is refused whichever instance takes it', async () => {
    const provider = await insertProvider(haven.db, { states: ['KS'] });
    const { cookie, roomId } = await aMatchedClient(haven, { state: 'KS' }, { expectProvider: provider.id });
    const send = (app: App) =>
      app.http.inject({
        method: 'POST',
        url: `/api/rooms/${roomId}/messages`,
        headers: { cookie },
        payload: { clientMessageId: randomUUID(), text: 'Alternating instances.' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await send(i % 2 === 0 ? haven.app : other)).statusCode);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201]);
    // Each instance took only three: counted apart, both would still let this through.
    expect((await send(haven.app)).statusCode).toBe(429);
    expect((await send(other)).statusCode).toBe(429);
  });

  it('closes its Redis client cleanly: a limited route still answers up to close, and close does not throw', async () => {
    const third = await buildApp(haven.app.config);
    const answered = await third.http.inject({ method: 'DELETE', url: `/api/auth/sessions/${randomUUID()}` });
    expect(answered.statusCode).toBe(401);
    await expect(third.close()).resolves.toBeUndefined();
  });
});
