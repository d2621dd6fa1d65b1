import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible, launchChromium } from './support/browser.ts';
import { matchedClient, pageWithSession } from './support/clients.ts';
import { startHaven, type RunningHaven } from './support/haven.ts';

let haven: RunningHaven;
let browser: Browser;
beforeAll(async () => {
  [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

it('a client changes what Haven calls them and their time zone from the settings page, reached from the header', async () => {
  const client = await matchedClient(haven, 'Robin', { timeZone: 'America/Chicago' });
  const page = await pageWithSession(browser, haven, client.cookie);
  await page.goto(`${haven.url}/home`);
  await page.getByRole('link', { name: 'Settings' }).first().click();
  await page.waitForURL('**/settings');

  const name = page.getByLabel('What should we call you?');
  await expect.poll(() => name.inputValue()).toBe('Robin');
  const zone = page.getByLabel('Your time zone');
  expect(await zone.inputValue()).toBe('America/Chicago');

  // An empty name is refused next to the field, and nothing is saved.
  await name.fill('');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect.poll(() => page.getByText('Tell us what to call you.').isVisible()).toBe(true);

  await name.fill('Rob');
  await zone.selectOption('America/Denver');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect.poll(() => page.getByText('Your details are saved.').isVisible()).toBe(true);
  await expectAccessible(page);

  // Kept: after a reload the page reads them back, and the account carries the new name.
  await page.reload();
  await expect.poll(() => page.getByLabel('What should we call you?').inputValue()).toBe('Rob');
  expect(await page.getByLabel('Your time zone').inputValue()).toBe('America/Denver');
  expect(await (await page.request.get(`${haven.url}/api/me`)).json()).toMatchObject({ user: { preferredName: 'Rob' } });
});
