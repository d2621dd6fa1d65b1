import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureAdmin } from '../apps/server/src/modules/identity/identity.service.ts';
import { expectAccessible, launchChromium, signedInPage } from './support/browser.ts';
import { startHaven, type RunningHaven } from './support/haven.ts';
import { openEmailedLink } from './support/intake.ts';

let haven: RunningHaven;
let browser: Browser;
const admin = { email: 'ops.lead@example.org', password: 'harbor violet 7720 kiln' };
beforeAll(async () => {
  [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
  await ensureAdmin(haven.app.context.db, admin);
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

const saved = (page: Page) =>
  expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /saved|added/i })
        .count(),
    )
    .toBeGreaterThan(0);

it('an admin invites a provider, who completes onboarding; the admin verifies and activates; clients see the profile', async () => {
  // The admin invites.
  const ops = await signedInPage(browser, haven.url, admin);
  await ops.goto(`${haven.url}/admin/invite`);
  await expectAccessible(ops);
  await ops.getByLabel('First name').fill('Marisol');
  await ops.getByLabel('Last name').fill('Quintero');
  await ops.getByLabel('Email').fill('marisol.quintero@example.org');
  await ops.getByRole('button', { name: 'Send invitation' }).click();
  const link = await ops.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/invite\//);
  // Nothing is emailed on the embedded default: the invitation waits in the console's outbox.
  await ops.getByRole('navigation', { name: 'Operations console' }).getByRole('link', { name: 'Outbox' }).click();
  await expect.poll(() => ops.getByRole('main').textContent()).toContain(link);
  await expectAccessible(ops);

  // The provider accepts and fills in everything.
  const provider = await (await browser.newContext()).newPage();
  await provider.goto(link.replace(/^http:\/\/localhost:\d+/, haven.url));
  await expectAccessible(provider);
  await provider.getByLabel('Password', { exact: true }).fill('lagoon cedar 4410 brisk');
  await provider.getByRole('button', { name: 'Create provider account' }).click();
  await provider.waitForURL('**/provider/profile');

  await provider.getByLabel('Pronouns').fill('she/her');
  await provider.getByLabel('Gender').selectOption('woman');
  await provider.getByLabel('LPC', { exact: true }).check();
  await provider.getByLabel('Years of experience').fill('11');
  await provider.getByLabel('NPI number').fill('1234567893');
  for (const area of ['Anxiety', 'Trauma']) await provider.getByLabel(area, { exact: true }).check();
  await provider.getByLabel('CBT (cognitive behavioral therapy)').check();
  for (const language of ['English', 'Spanish']) await provider.getByLabel(language, { exact: true }).check();
  await provider
    .getByLabel('About your approach')
    .fill('I work with anxiety and trauma using CBT, at a pace that feels safe for you, in English or Spanish.');
  await provider.getByLabel('Time zone').selectOption('America/Chicago');
  for (const day of ['Monday', 'Wednesday']) {
    await provider.getByLabel(day, { exact: true }).check();
    await provider.getByLabel(`${day} start`).fill('09:00');
    await provider.getByLabel(`${day} end`).fill('17:00');
  }
  await provider.getByLabel('Capacity (maximum active clients)').fill('20');
  for (const modality of ['Messaging', 'Video']) await provider.getByLabel(modality, { exact: true }).check();
  await provider.getByLabel('Direct (self-pay)').check();
  await provider.getByRole('button', { name: 'Save profile' }).click();
  await saved(provider);
  await expectAccessible(provider);

  await provider.goto(`${haven.url}/provider/licenses`);
  for (const [state, number] of [
    ['TX', 'LPC-88231'],
    ['NM', 'LPC-55120'],
  ] as const) {
    await provider.getByLabel('State').selectOption(state);
    await provider.getByLabel('License type').selectOption('LPC');
    await provider.getByLabel('License number').fill(number);
    await provider.getByLabel('Expires on').fill(`${new Date().getUTCFullYear() + 1}-09-30`);
    await provider.getByRole('button', { name: 'Add license' }).click();
    await expect.poll(() => provider.getByRole('cell', { name: number }).count()).toBe(1);
  }
  await expectAccessible(provider);

  await provider.goto(`${haven.url}/provider/availability`);
  await provider.getByRole('button', { name: 'Add hours on Tuesday' }).click();
  await provider.getByLabel('Tuesday hours 1 start').fill('17:00');
  await provider.getByLabel('Tuesday hours 1 end').fill('21:00');
  await provider.getByLabel('50 minutes').check();
  await provider.getByRole('button', { name: 'Save availability' }).click();
  await saved(provider);
  await expectAccessible(provider);

  // The admin verifies both licences and activates.
  await ops.goto(`${haven.url}/admin/providers?q=Quintero`);
  await ops.getByRole('link', { name: /Quintero/ }).click();
  await ops.waitForURL(/\/admin\/providers\/[0-9a-f-]{36}$/);
  await expectAccessible(ops);
  for (let i = 0; i < 2; i += 1) {
    await ops.getByRole('button', { name: 'Verify' }).first().click();
    await expect.poll(() => ops.getByRole('button', { name: 'Verify' }).count()).toBe(1 - i);
  }
  await ops.getByRole('button', { name: 'Activate provider', exact: true }).click();
  await expect.poll(() => ops.getByRole('button', { name: 'Deactivate provider' }).isVisible()).toBe(true);
  await expectAccessible(ops);
  const providerId = new URL(ops.url()).pathname.split('/').pop();

  // A client sees the public profile.
  const client = await (await browser.newContext()).newPage();
  await client.goto(`${haven.url}/sign-up`);
  await client.getByLabel('What should we call you?').fill('Jordan');
  await client.getByLabel('Email').fill('jordan.client@example.org');
  await client.getByLabel('Password', { exact: true }).fill('meadow quartz 9182 tide');
  await client.getByRole('button', { name: 'Create account' }).click();
  await client.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
  await openEmailedLink(client, haven.app.context.db, 'jordan.client@example.org', '/verify-email');
  await client.waitForURL('**/home');
  await client.goto(`${haven.url}/providers/${providerId}`);
  await expect.poll(() => client.getByRole('heading', { level: 1 }).textContent()).toMatch(/Marisol Quintero/);
  const page = (await client.getByRole('main').textContent()) ?? '';
  for (const expected of ['Texas', 'New Mexico', '11', 'Anxiety', 'Trauma', 'Spanish', 'at a pace that feels safe'])
    expect(page).toContain(expected);
  await expectAccessible(client);
});
