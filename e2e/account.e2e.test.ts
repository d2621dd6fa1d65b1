import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aSignUp } from '../apps/server/src/testing/factories.ts';
import { expectAccessible, launchChromium, signedInPage } from './support/browser.ts';
import { confirmEmailedLink } from './support/clients.ts';
import { startHaven, type RunningHaven } from './support/haven.ts';
import { openEmailedLink } from './support/intake.ts';

let haven: RunningHaven;
let browser: Browser;
beforeAll(async () => {
  [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

async function newPage(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

it('a new client signs up, is asked to check their email, opens the emailed link, sees their home, signs out, cannot return, and signs back in', async () => {
  const person = aSignUp();
  const page = await newPage();

  await page.goto(haven.url);
  await expectAccessible(page);
  await page.getByRole('main').getByRole('link', { name: 'Get started' }).first().click();

  await page.waitForURL('**/sign-up');
  await expectAccessible(page);
  await page.getByLabel('What should we call you?').fill(person.preferredName);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
  expect(await page.getByRole('main').textContent()).toContain(person.email);
  await expectAccessible(page);

  // Signing in before confirming is refused, and says a new link is on its way.
  await page.getByRole('link', { name: 'Sign in' }).last().click();
  await page.waitForURL('**/sign-in');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/Confirm your email address first.*new link/);
  await expectAccessible(page);

  await openEmailedLink(page, haven.app.context.db, person.email, '/verify-email');
  await page.waitForURL('**/home');
  await expect.poll(() => page.getByRole('heading', { name: `Welcome, ${person.preferredName}` }).isVisible()).toBe(true);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/');
  await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).first().isVisible()).toBe(true);
  await page.goto(`${haven.url}/home`);
  await page.waitForURL('**/sign-in');
  await expectAccessible(page);

  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/home');
  await expect.poll(() => page.getByRole('heading', { name: `Welcome, ${person.preferredName}` }).isVisible()).toBe(true);
});

it('explains sign-up problems next to the fields, and answers a registered address as a new one, on a phone-sized screen', async () => {
  const taken = aSignUp();
  await haven.app.http.inject({ method: 'POST', url: '/api/auth/sign-up', payload: taken });
  const page = await newPage(375);

  await page.goto(`${haven.url}/sign-up`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect.poll(() => page.getByRole('alert').first().isVisible()).toBe(true);
  await expectAccessible(page);

  await page.getByLabel('What should we call you?').fill('Sam');
  await page.getByLabel('Email').fill(taken.email.toUpperCase());
  await page.getByLabel('Password', { exact: true }).fill('another calm passphrase 77');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
  expect(page.url()).toMatch(/\/sign-up$/);
  await expectAccessible(page);

  // A new address gets the very same screen, but for the address it names.
  const fresh = aSignUp();
  const other = await newPage(375);
  await other.goto(`${haven.url}/sign-up`);
  await other.getByLabel('What should we call you?').fill('Sam');
  await other.getByLabel('Email').fill(fresh.email);
  await other.getByLabel('Password', { exact: true }).fill('another calm passphrase 77');
  await other.getByRole('button', { name: 'Create account' }).click();
  await other.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
  const screen = async (p: Page, email: string) => (await p.getByRole('main').textContent())!.replace(email, '<address>');
  expect(await screen(page, taken.email.toUpperCase())).toBe(await screen(other, fresh.email));
});

it('refuses a wrong password without saying whether the account exists', async () => {
  const page = await newPage();
  await page.goto(`${haven.url}/sign-in`);
  await page.getByLabel('Email').fill(`nobody-${Date.now()}@example.org`);
  await page.getByLabel('Password', { exact: true }).fill('whatever it may be');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/don't match/i);
  await expectAccessible(page);
});

it('a client changes their email in Settings; it changes once the link sent to the new address is opened', async () => {
  const person = aSignUp();
  await haven.app.http.inject({ method: 'POST', url: '/api/auth/sign-up', payload: person });
  await confirmEmailedLink(haven, person.email);
  const page = await signedInPage(browser, haven.url, person);
  await page.goto(`${haven.url}/settings`);
  const section = page.getByRole('region', { name: 'Email address' });
  await expect.poll(() => section.textContent()).toContain(person.email);

  const newEmail = aSignUp().email;
  await section.getByLabel('New email address').fill(newEmail);
  await section.getByLabel('Current password').fill(person.password);
  await section.getByRole('button', { name: 'Change email address' }).click();
  await expect.poll(() => section.getByRole('status').textContent()).toContain(`We have emailed a link to ${newEmail}`);
  await expectAccessible(page);

  await openEmailedLink(page, haven.app.context.db, newEmail, '/confirm-email');
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain(`Your email address is now ${newEmail}`);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Back to settings' }).click();
  await expect.poll(() => page.getByRole('region', { name: 'Email address' }).textContent()).toContain(newEmail);
});
