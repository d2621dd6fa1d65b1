// Per-account backoff holds whatever the per-address limit allows, for known and unknown emails
// alike, and across instances when Redis is there.
import { describe, expect, it } from 'vitest';
import { testRedisUrl } from '../../platform/config.ts';
import { memoryFailureCounter, redisFailureCounter } from '../../platform/limits/failures.ts';
import { aSignedUpClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { signInBackoff, waitAfter } from './sign-in-backoff.ts';

const redisUrl = testRedisUrl();

const haven = useTestApp({ env: { RATE_LIMIT_AUTH_PER_MINUTE: '1000' } });

describe('sign-in backoff per account', () => {
  it('waits after five wrong passwords, refuses even the right one meanwhile, and answers an unknown email the same', async () => {
    const { signUp } = await aSignedUpClient(haven);
    const attempt = (email: string, password: string) => haven.signedOut.post('/api/auth/sign-in', { email, password });
    for (const email of [signUp.email, `nobody-${Date.now()}@example.org`]) {
      const statuses = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await attempt(email, `wrong guess ${i}`)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      const paused = await attempt(email, signUp.password);
      expect(paused.statusCode).toBe(429);
      expect(paused.json().error.message).toMatch(/Too many wrong passwords for this account\. Wait \d+ seconds/);
      expect(Number(paused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(paused.headers['retry-after'])).toBeLessThanOrEqual(30);
    }
  });

  it('grows the wait by doubling, to at most 15 minutes, and a success clears the count', async () => {
    expect([4, 5, 6, 7, 20].map(waitAfter)).toEqual([0, 30, 60, 120, 900]);
    const backoff = signInBackoff(memoryFailureCounter());
    const t0 = Date.now();
    for (let i = 0; i < 5; i += 1) await backoff.failed('Someone@Example.org', t0);
    await expect(backoff.check('someone@example.org', t0 + 29_000)).rejects.toMatchObject({ retryAfterSeconds: 1 });
    await expect(backoff.check('someone@example.org', t0 + 30_000)).resolves.toBeUndefined();
    await backoff.succeeded('someone@example.org');
    await backoff.failed('someone@example.org', t0);
    await expect(backoff.check('someone@example.org', t0)).resolves.toBeUndefined();
  });

  it.skipIf(!redisUrl)('holds on every instance through Redis', async () => {
    const [one, two] = [redisFailureCounter(redisUrl!), redisFailureCounter(redisUrl!)];
    const email = `shared-${Date.now()}@example.org`;
    try {
      for (let i = 0; i < 5; i += 1) await signInBackoff(one).failed(email);
      await expect(signInBackoff(two).check(email)).rejects.toMatchObject({ code: 'rate_limited' });
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
