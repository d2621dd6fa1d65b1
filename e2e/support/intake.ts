import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { aSignUp } from '../../apps/server/src/testing/factories.ts';
import { emailedToken } from '../../apps/server/src/testing/mailbox.ts';
import type { Db } from '../../apps/server/src/platform/db/database.ts';

/** A new client, signed up through the page, in Chicago's time zone, on their home page. */
export async function newClient(browser: Browser, baseUrl: string, db: Db, preferredName: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: 'America/Chicago' });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  const person = aSignUp({ preferredName });
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel('What should we call you?').fill(person.preferredName);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
  await openEmailedLink(page, db, person.email, '/verify-email');
  await page.waitForURL('**/home');
  return page;
}

/** Opens in `page` the last link to `path` emailed to an address, as the person would from their inbox. */
export async function openEmailedLink(page: Page, db: Db, email: string, path: string): Promise<void> {
  const token = await emailedToken(db, email, path);
  await page.goto(`${new URL(page.url()).origin}${path}?token=${encodeURIComponent(token)}`);
}

const answers = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
export const continueButton = (page: Page) => page.getByRole('button', { name: 'Save and continue' });
export const onStep = (page: Page, heading: string) =>
  expect.poll(() => page.getByRole('heading', { level: 1, name: heading }).isVisible()).toBe(true);

/** Answers a screener's items in order: item n gets `scores[n - 1]`. */
export async function answerItems(page: Page, scores: number[]) {
  for (const [index, score] of scores.entries()) {
    await page
      .getByRole('group', { name: new RegExp(`^${index + 1}\\. `) })
      .getByLabel(answers[score]!, { exact: true })
      .check();
  }
}

/** The "About you" step: a state, and a date of birth in 1992. */
export async function fillAbout(page: Page, state: string) {
  await page.getByLabel('State where you live').selectOption(state);
  await page.getByLabel('Month').selectOption('4');
  await page.getByLabel('Day').fill('17');
  await page.getByLabel('Year').fill('1992');
}

/** From the intake's first step to the preferences step: a state, the default language, one focus area. */
export async function answerUpToPreferences(page: Page, { state, focusArea }: { state: string; focusArea: string }) {
  await onStep(page, 'About you');
  await fillAbout(page, state);
  await continueButton(page).click();
  await onStep(page, 'Languages');
  await continueButton(page).click();
  await onStep(page, "What you'd like help with");
  await page.getByLabel(focusArea, { exact: true }).check();
  await continueButton(page).click();
  await onStep(page, 'Your preferences');
}
