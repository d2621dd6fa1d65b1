import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { requestsAs } from '../apps/server/src/testing/harness.ts';
import { mailTo } from '../apps/server/src/testing/mailbox.ts';
import { anEnrolledAdmin, enrolInMfa, totpCode } from '../apps/server/src/testing/mfa.ts';
import { giveProviderAccount, insertProvider } from '../apps/server/src/testing/network.ts';
import { signIn } from '../apps/server/src/testing/test-app.ts';
import { expectAccessible, launchChromium } from './support/browser.ts';
import { pageWithSession } from './support/clients.ts';
import { startHaven, type RunningHaven } from './support/haven.ts';

let haven: RunningHaven;
let browser: Browser;
beforeAll(async () => {
  // As in production: a provider reaches nothing of a client's until two-step sign-in is on.
  [haven, browser] = await Promise.all([startHaven({ HAVEN_REQUIRE_MFA: 'on' }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

async function enterPassword(page: Page, credentials: { email: string; password: string }) {
  await page.goto(`${haven.url}/sign-in`);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password', { exact: true }).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function enterCode(page: Page, code: string) {
  await expect.poll(() => page.getByRole('heading', { name: 'Two-step sign-in' }).isVisible()).toBe(true);
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/home');
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  // Signing out lands on the front page.
  await page.waitForURL((url) => url.pathname === '/');
}

it('a provider sets up two-step sign-in from the QR code, signs in with a code, and after losing the phone with a recovery code', async () => {
  const { id } = await insertProvider(haven.app.context.db);
  const credentials = await giveProviderAccount(haven.app.context.db, id);
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => {
    throw error;
  });

  // The password alone leads only to the settings page, which says why.
  await enterPassword(page, credentials);
  await page.waitForURL('**/settings');
  await expect.poll(() => page.getByText('two-step sign-in is required').isVisible()).toBe(true);
  await page.goto(`${haven.url}/provider/clients`);
  await page.waitForURL('**/settings');
  await expectAccessible(page);

  // Enrolment: the QR code and its key; the test is the authenticator app.
  await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect.poll(() => page.getByRole('img', { name: 'QR code for your authenticator app' }).isVisible()).toBe(true);
  const qr = await page.getByRole('img', { name: 'QR code for your authenticator app' }).getAttribute('src');
  expect(decodeURIComponent(qr ?? '')).toMatch(/^data:image\/svg\+xml;utf8,<svg/);
  const secret = (await page.getByTestId('mfa-secret').textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectAccessible(page);
  await page.getByLabel('6-digit code from the app').fill('000000');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect.poll(() => page.getByText('That code is not right').isVisible()).toBe(true);
  await page.getByLabel('6-digit code from the app').fill(await totpCode(secret));
  await page.getByRole('button', { name: 'Turn on' }).click();

  // Ten recovery codes, shown once.
  const codes = page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem');
  await expect.poll(() => codes.count()).toBe(10);
  const recoveryCodes = (await codes.allTextContents()).map((code) => code.trim());
  await expectAccessible(page);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await expect.poll(() => page.getByText('You have 10 recovery codes left.').isVisible()).toBe(true);

  // Now the caseload opens.
  await page.goto(`${haven.url}/provider/clients`);
  await page.waitForURL('**/provider/clients');

  // Next sign-in: password, then a fresh code (the one used to enrol cannot be used again).
  await signOut(page);
  await enterPassword(page, credentials);
  await expectAccessible(page);
  await enterCode(page, await totpCode(secret, 1));

  // The phone is lost: a recovery code gets in, once.
  await signOut(page);
  await enterPassword(page, credentials);
  await enterCode(page, recoveryCodes[0]!);
  await page.goto(`${haven.url}/settings`);
  await expect.poll(() => page.getByText('You have 9 recovery codes left.').isVisible()).toBe(true);
  // A fresh set of codes replaces the old ones (asked for with one of them: the app's last code is spent).
  await page.locator('#mfa-regenerate-code').fill(recoveryCodes[1]!);
  await page.getByRole('button', { name: 'Make new recovery codes' }).click();
  await expect.poll(() => codes.count()).toBe(10);
  expect(await codes.allTextContents()).not.toContain(recoveryCodes[1]);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await expect.poll(() => page.getByText('You have 10 recovery codes left.').isVisible()).toBe(true);

  await signOut(page);
  await enterPassword(page, credentials);
  await expect.poll(() => page.getByRole('heading', { name: 'Two-step sign-in' }).isVisible()).toBe(true);
  await page.getByLabel('Code', { exact: true }).fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => page.getByText('That code is not right').isVisible()).toBe(true);
  expect(new URL(page.url()).pathname).toBe('/sign-in');
});

it('an operator resets the two-step sign-in of a provider who lost their phone, with a reason, and the provider sets it up again', async () => {
  const api = {
    db: haven.app.context.db,
    signedOut: requestsAs(() => haven.app, undefined),
    as: (c?: string) => requestsAs(() => haven.app, c),
  };
  const { id } = await insertProvider(haven.app.context.db);
  const credentials = await giveProviderAccount(haven.app.context.db, id);
  await enrolInMfa(api, await signIn(haven.app, credentials));
  const admin = await anEnrolledAdmin(api);

  const operator = await pageWithSession(browser, haven, admin.cookie);
  await operator.goto(`${haven.url}/admin/providers/${id}`);
  await expect.poll(() => operator.getByText('Two-step sign-in is on for this provider.').isVisible()).toBe(true);
  // No reason, no reset.
  await operator.getByRole('button', { name: 'Reset two-step sign-in' }).click();
  await expect.poll(() => operator.getByText('Say why this reset is needed in at least 10 characters.').isVisible()).toBe(true);
  await operator.getByLabel('Reason for resetting').fill('Called the number on file and confirmed who asked.');
  await operator.getByRole('button', { name: 'Reset two-step sign-in' }).click();
  await expect.poll(() => operator.getByText('Two-step sign-in was reset.', { exact: false }).isVisible()).toBe(true);
  await expect.poll(() => operator.getByText('Two-step sign-in is not set up yet.', { exact: false }).isVisible()).toBe(true);
  await expectAccessible(operator);
  expect((await mailTo(haven.app.context.db, credentials.email)).map((m) => m.subject)).toContain('Your two-step sign-in was reset');

  // The password now leads to setting two-step sign-in up again, before any client.
  const page = await (await browser.newContext()).newPage();
  await enterPassword(page, credentials);
  await page.waitForURL('**/settings');
  await expect.poll(() => page.getByRole('button', { name: 'Set up two-step sign-in' }).isVisible()).toBe(true);
});
