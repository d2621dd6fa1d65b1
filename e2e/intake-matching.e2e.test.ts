import type { CareState } from '@haven/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertProvider } from '../apps/server/src/testing/network.ts';
import { expectAccessible, launchChromium } from './support/browser.ts';
import { startHaven, type RunningHaven } from './support/haven.ts';
import { answerItems, answerUpToPreferences, continueButton, fillAbout, newClient as createClient, onStep } from './support/intake.ts';

let haven: RunningHaven;
let browser: Browser;
beforeAll(async () => {
  [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

const newClient = (preferredName: string, width: number) => createClient(browser, haven.url, haven.app.context.db, preferredName, width);

const careState = (page: Page) => page.evaluate(async () => (await fetch('/api/care')).json() as Promise<CareState>);

it('a client in Texas who needs Spanish completes the intake, is matched at once and sees why; switches and keeps the room', async () => {
  const match = await insertProvider(haven.app.context.db, {
    firstName: 'Lucía',
    lastName: 'Ortega',
    states: ['TX'],
    languages: ['en', 'es'],
    focusAreas: ['anxiety', 'trauma'],
  });
  const next = await insertProvider(haven.app.context.db, {
    firstName: 'Tomás',
    lastName: 'Reyes',
    states: ['TX', 'OK'],
    languages: ['es'],
    focusAreas: ['depression'],
  });
  await insertProvider(haven.app.context.db, {
    firstName: 'Grace',
    lastName: 'Holloway',
    states: ['TX'],
    languages: ['en'],
    focusAreas: ['anxiety', 'trauma'],
  });
  await insertProvider(haven.app.context.db, { firstName: 'Irene', lastName: 'Novak', states: ['NM'], languages: ['en', 'es'] });

  const page = await newClient('Marisela', 1280);
  await page.getByRole('link', { name: 'Start your questions' }).click();
  await page.waitForURL('**/intake');

  await onStep(page, 'About you');
  expect(await page.getByText('Step 1 of 8').isVisible()).toBe(true);
  expect(await page.getByLabel('Your time zone').inputValue()).toBe('America/Chicago');
  await expectAccessible(page);
  await continueButton(page).click();
  await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Choose the state where you live.');
  await fillAbout(page, 'TX');
  await continueButton(page).click();

  await onStep(page, 'Languages');
  await page.getByLabel('English', { exact: true }).first().uncheck();
  await page.getByLabel('Spanish', { exact: true }).first().check();
  await expectAccessible(page);
  await continueButton(page).click();

  await onStep(page, "What you'd like help with");
  for (const area of ['Anxiety', 'Trauma']) await page.getByLabel(area, { exact: true }).check();
  await continueButton(page).click();

  await onStep(page, 'Your preferences');
  await page.getByLabel('Both').check();
  await page.getByLabel('Video').check();
  await page.getByLabel(/^Evenings/).check();
  await expectAccessible(page);
  await continueButton(page).click();

  await onStep(page, "How you've been feeling");
  expect(await page.getByText('Step 5 of 9').isVisible()).toBe(true);
  await answerItems(page, [1, 2, 1, 1, 0, 1, 0, 0, 0]);
  await page
    .getByRole('group', { name: /how difficult/ })
    .getByLabel('Somewhat difficult')
    .check();
  expect(await page.getByRole('alert').count()).toBe(0);
  await expectAccessible(page);
  await continueButton(page).click();

  await onStep(page, 'Worry and anxiety');
  await answerItems(page, [2, 2, 1, 1, 0, 1, 1]);
  await continueButton(page).click();

  // A monthly plan with live sessions: the first session is still offered.
  await onStep(page, "How you'll pay");
  await page.getByLabel('A monthly plan').check();
  await page.getByLabel(/^Messaging \+ Live: \$\d+\.\d\d a month$/).check();
  expect(await page.getByRole('main').textContent()).toContain('Live sessions come from your monthly allowance');
  await expectAccessible(page);
  await continueButton(page).click();

  await onStep(page, 'Consent');
  expect(await page.getByRole('main').textContent()).toMatch(/not for employment, school, disability or legal documentation/);
  await page.getByLabel('I have read and accept the telehealth consent').check();
  await page.getByLabel('I have read and accept the privacy notice').check();
  await expectAccessible(page);
  await continueButton(page).click();

  // Both providers who fit offer first sessions; Lucía fits best. The client chooses to be matched now.
  await onStep(page, 'Your first session');
  await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Lucía Ortega' }).isVisible()).toBe(true);
  expect(await page.getByRole('heading', { level: 2, name: /Grace Holloway|Irene Novak/ }).count()).toBe(0);
  await expectAccessible(page);
  await page.getByLabel('Skip — match me now').check();
  await page.getByRole('button', { name: 'Finish and match me now' }).click();

  await page.waitForURL('**/care');
  // The intake's own "Lucía Ortega" card may still be on screen for a moment: wait for the care page's.
  await expect.poll(() => page.getByRole('heading', { level: 3, name: 'Why we suggested Lucía' }).isVisible()).toBe(true);
  const reasons = (await page.getByRole('region', { name: 'Lucía Ortega' }).textContent()) ?? '';
  for (const reason of ['Why we suggested Lucía', 'Licensed in Texas, where you live', 'Speaks Spanish', 'Works with anxiety and trauma']) {
    expect(reasons).toContain(reason);
  }
  expect(await page.getByRole('main').textContent()).toContain('Your therapy room is ready');
  await expectAccessible(page);
  const before = await careState(page);
  expect(before.current?.provider.id).toBe(match.id);
  expect(before.roomId).toMatch(/^[0-9a-f-]{36}$/);

  await page.getByRole('link', { name: "See Lucía Ortega's full profile" }).click();
  await page.waitForURL(`**/providers/${match.id}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Lucía Ortega');
  await expectAccessible(page);
  await page.goBack();

  // Asking for someone who can't take a client in Texas is refused, in plain words.
  await page.getByLabel('First name').fill('Irene');
  await page.getByLabel('Last name').fill('Novak');
  await page.getByRole('button', { name: 'Ask for this provider' }).click();
  await expect.poll(() => page.getByRole('main').textContent()).toContain('is not licensed in Texas, where you live');

  await page.getByRole('button', { name: 'Switch provider' }).click();
  await page.getByLabel('What would you like to be different? (optional)').fill('I would like to try someone new.');
  await page.getByLabel('Yes, let them read it').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Switch provider' }).click();
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Tomás Reyes' }).textContent())
    .toBe("You're now with Tomás Reyes. Your room and history stay the same.");
  await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Tomás Reyes' }).isVisible()).toBe(true);
  expect(await page.getByRole('region', { name: 'Previous providers' }).textContent()).toContain('Lucía Ortega');
  expect(await page.getByLabel('Let Tomás read the conversation from before they became your provider').isChecked()).toBe(true);
  await expectAccessible(page);
  const after = await careState(page);
  expect(after.current?.provider.id).toBe(next.id);
  expect(after.roomId).toBe(before.roomId);

  // The client changes their mind about the earlier conversation.
  await page.getByLabel('Let Tomás read the conversation from before they became your provider').uncheck();
  await expect.poll(async () => (await careState(page)).current?.mayReadEarlierConversation).toBe(false);

  // Home is now the care page.
  await page.goto(`${haven.url}/home`);
  await page.waitForURL('**/care');
});

it('a client who answers PHQ-9 item 9 above zero sees crisis resources at once, and on the steps after', async () => {
  await insertProvider(haven.app.context.db, { states: ['NY'] });
  const page = await newClient('Robin', 390);
  await page.goto(`${haven.url}/intake`);
  await answerUpToPreferences(page, { state: 'NY', focusArea: 'Depression' });
  await page.getByLabel('By message').check();
  await continueButton(page).click();

  await onStep(page, "How you've been feeling");
  expect(await page.getByRole('alert').count()).toBe(0);
  await page.getByRole('group', { name: /^9\. / }).getByLabel('Several days', { exact: true }).check();
  // Before anything is saved: the answer alone brings up the resources.
  const crisis = page.getByRole('alert').filter({ hasText: 'Help is available right now' });
  await expect.poll(() => crisis.isVisible()).toBe(true);
  expect(await crisis.textContent()).toContain('If you are in immediate danger, call 911.');
  expect(await crisis.textContent()).toContain('Call or text 988 (Suicide & Crisis Lifeline), available 24/7.');
  expect(await crisis.textContent()).toContain('A Haven clinician will follow up with you.');
  for (const [name, href] of [
    ['Call 988', 'tel:988'],
    ['Text 988', 'sms:988'],
    ['Call 911', 'tel:911'],
  ]) {
    expect(await crisis.getByRole('link', { name }).getAttribute('href')).toBe(href);
  }
  await expectAccessible(page);

  // Continuing is never blocked by it.
  await answerItems(page, [1, 1, 0, 1, 0, 0, 1, 0, 1]);
  await page
    .getByRole('group', { name: /how difficult/ })
    .getByLabel('Very difficult')
    .check();
  await continueButton(page).click();
  await onStep(page, 'Worry and anxiety');
  await expect.poll(() => page.getByRole('region', { name: 'Help is available right now' }).isVisible()).toBe(true);

  // Reloading resumes on the same step, with the resources still there.
  await page.reload();
  await onStep(page, 'Worry and anxiety');
  await expect.poll(() => page.getByRole('region', { name: 'Help is available right now' }).isVisible()).toBe(true);
  await expectAccessible(page);
});
