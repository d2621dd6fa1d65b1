import { expect, it } from 'vitest';
import { aSignUp } from '../../testing/factories.ts';
import { useTestApp } from '../../testing/harness.ts';

const haven = useTestApp({ env: { RATE_LIMIT_AUTH_PER_MINUTE: '3' } });

it('slows down repeated sign-in attempts with a clear 429', async () => {
  const attempt = () => haven.signedOut.post('/api/auth/sign-in', { email: `x-${Date.now()}@example.org`, password: 'guess number one' });
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
    statuses.push((await haven.signedOut.post('/api/auth/sign-up', aSignUp({ password: 'short' }))).statusCode);
  }
  expect(statuses).toEqual([400, 400, 400, 429]);
});

it('limits confirming an address and changing it the same way', async () => {
  const token = 'A'.repeat(43);
  for (const url of ['/api/auth/verify-email', '/api/account/email/confirm']) {
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await haven.signedOut.post(url, { token })).statusCode);
    expect(statuses, url).toEqual([410, 410, 410, 429]);
  }
  const statuses = [];
  for (let i = 0; i < 4; i += 1) {
    statuses.push((await haven.signedOut.post('/api/account/email', { newEmail: 'a@example.org', currentPassword: 'x' })).statusCode);
  }
  expect(statuses).toEqual([401, 401, 401, 429]);
});
