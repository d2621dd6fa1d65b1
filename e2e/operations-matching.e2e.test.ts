import { consentVersions, type IntakeAnswers } from '@haven/contract';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureAdmin } from '../apps/server/src/modules/identity/identity.service.ts';
import { aSignUp } from '../apps/server/src/testing/factories.ts';
import { insertProvider } from '../apps/server/src/testing/network.ts';
import { expectAccessible, launchChromium, signedInPage } from './support/browser.ts';
import { confirmEmailedLink } from './support/clients.ts';
import { startHaven, type RunningHaven } from './support/haven.ts';

let haven: RunningHaven;
let browser: Browser;
const admin = { email: 'ops.safety@example.org', password: 'lantern birch 5521 quay' };
beforeAll(async () => {
  [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
  await ensureAdmin(haven.app.context.db, admin);
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

/** Every answer of a finished intake. */
function intake(overrides: Partial<IntakeAnswers>): IntakeAnswers {
  return {
    state: 'TX',
    dateOfBirth: '1991-06-03',
    timeZone: 'America/Chicago',
    requiredLanguages: ['en'],
    preferredLanguages: [],
    focusAreas: ['depression', 'sleep'],
    preferences: { providerGender: null, approaches: [], careFormat: 'messaging', liveModality: null, preferredTimes: ['evening'] },
    phq9: { items: [2, 2, 1, 2, 1, 1, 1, 0, 0], difficulty: 2 },
    gad7: { items: [1, 1, 1, 0, 0, 1, 1] },
    inCrisis: false,
    coverage: { kind: 'direct', plan: 'messaging' },
    consent: { telehealthVersion: consentVersions.telehealth, privacyVersion: consentVersions.privacy },
    ...overrides,
  };
}

/** A client signs up and completes the intake through the API, as the intake pages would. */
async function clientWithIntake(preferredName: string, answers: IntakeAnswers): Promise<void> {
  const send = (path: string, method: string, body: unknown, cookie?: string) =>
    fetch(`${haven.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const person = aSignUp({ preferredName });
  const signUp = await send('/api/auth/sign-up', 'POST', person);
  expect(signUp.status).toBe(202);
  expect(signUp.headers.getSetCookie()).toEqual([]);
  const cookie = await confirmEmailedLink(haven, person.email);
  expect((await send('/api/intake', 'PUT', { step: 'consent', answers }, cookie)).status).toBe(200);
  const submitted = await send('/api/intake/submit', 'POST', { firstSession: null }, cookie);
  expect(submitted.status, await submitted.clone().text()).toBe(201);
}

it('a client at risk is flagged; an operator follows up, then sees the queue and time-to-match and runs the batch', async () => {
  await insertProvider(haven.app.context.db, { states: ['TX'], languages: ['en'] });
  // PHQ-9 item 9 answered "More than half the days": crisis resources at once, and a flag.
  await clientWithIntake('Dakota', intake({ phq9: { items: [2, 2, 1, 2, 1, 1, 1, 0, 2], difficulty: 2 } }));
  // Nobody licensed in New Mexico speaks Vietnamese yet: this client waits in the queue.
  await clientWithIntake('Minh', intake({ state: 'NM', timeZone: 'America/Denver', requiredLanguages: ['vi'] }));

  const ops = await signedInPage(browser, haven.url, admin);
  await ops.goto(`${haven.url}/admin/providers`);
  const nav = ops.getByRole('navigation', { name: 'Operations console' });
  await nav.getByRole('link', { name: 'Safety follow-up (1 open)' }).click();
  await ops.waitForURL('**/admin/safety');
  const open = ops.getByRole('region', { name: 'Waiting for follow-up (1)' });
  const card = open.getByRole('region', { name: 'Dakota' });
  await expect.poll(() => card.textContent()).toContain('PHQ-9 item 9');
  expect(await card.textContent()).toContain('answered “More than half the days”');
  expect(await card.textContent()).toContain('Texas');
  await expectAccessible(ops);

  // The note is required.
  await card.getByRole('button', { name: 'Record follow-up for Dakota' }).click();
  await expect.poll(() => card.getByText('Say what was done').count()).toBeGreaterThan(0);
  await card.getByLabel('What was done').fill('Called Dakota; safety plan agreed, follow-up call booked for Friday.');
  await card.getByRole('button', { name: 'Record follow-up for Dakota' }).click();
  await expect.poll(() => ops.getByRole('status').filter({ hasText: 'Follow-up recorded for Dakota.' }).count()).toBe(1);
  await expect.poll(() => ops.getByRole('heading', { name: 'Waiting for follow-up (0)' }).count()).toBe(1);
  await expect.poll(() => nav.getByRole('link', { name: 'Safety follow-up', exact: true }).count()).toBe(1);

  await ops.getByLabel('Show').selectOption('all');
  const done = ops.getByRole('region', { name: 'Followed up (1)' });
  await expect.poll(() => done.getByRole('region', { name: 'Dakota' }).textContent()).toContain('safety plan agreed');
  await expectAccessible(ops);

  // Matching: one instant match so far, one client waiting.
  await nav.getByRole('link', { name: 'Matching' }).click();
  await ops.waitForURL('**/admin/matching');
  const figure = (name: string) => ops.locator('.figure', { has: ops.getByRole('heading', { name }) });
  await expect.poll(() => figure('In the queue').textContent()).toContain('1 client');
  expect(await figure('Time to match: median').textContent()).toMatch(/\d+ s.*1 match in the last 30 days/);
  expect(await figure('Time to match: 90th percentile').textContent()).toMatch(/\d+ s/);
  const waiting = ops.getByRole('table', { name: /Clients waiting longest: 1 of 1/ });
  const row = waiting.getByRole('row', { name: /Minh/ });
  for (const expected of ['New Mexico', 'Vietnamese', 'No provider with room yet']) expect(await row.textContent()).toContain(expected);
  // Response times sit on the same page; nobody has written yet.
  await expect.poll(() => ops.getByRole('region', { name: 'Response times' }).textContent()).toContain('No replies yet in this period.');
  await expectAccessible(ops);

  // Capacity arrives; the operator assigns the queue now instead of waiting for the next run.
  await insertProvider(haven.app.context.db, { states: ['NM'], languages: ['vi', 'en'] });
  await ops.getByRole('button', { name: 'Run batch assignment now' }).click();
  await expect
    .poll(() => ops.getByRole('status').filter({ hasText: 'Batch assignment finished' }).textContent())
    .toBe('Batch assignment finished: 1 matched, 0 still waiting.');
  await expect.poll(() => figure('In the queue').textContent()).toContain('0 clients');
  expect(await figure('Time to match: median').textContent()).toContain('2 matches in the last 30 days');
  expect(await ops.getByRole('main').textContent()).toContain('Nobody is waiting for a provider.');
  await expectAccessible(ops);
});
