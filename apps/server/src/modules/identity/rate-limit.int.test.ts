import { afterAll, beforeAll, expect, it } from 'vitest';
import { aSignUp } from '../../testing/factories.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '3' });
});
afterAll(async () => {
  await app?.close();
});

it('slows down repeated sign-in attempts with a clear 429', async () => {
  const attempt = () =>
    app.http.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'x@example.org', password: 'guess number one' } });
  const statuses = [];
  for (let i = 0; i < 4; i += 1) statuses.push((await attempt()).statusCode);
  expect(statuses).toEqual([401, 401, 401, 429]);
  const limited = await attempt();
  expect(limited.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/try again/i) });
  expect(limited.headers['retry-after']).toBeDefined();
});

it('limits sign-up the same way', async () => {
  const statuses = [];
  for (let i = 0; i < 4; i += 1) {
    statuses.push(
      (await app.http.inject({ method: 'POST', url: '/api/auth/sign-up', payload: aSignUp({ password: 'short' }) })).statusCode,
    );
  }
  expect(statuses).toEqual([400, 400, 400, 429]);
});
