import type { CoverageState, EapPartner } from '@haven/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { giveProviderAccount, insertProvider } from '../apps/server/src/testing/network.ts';
import { signInAsNewAdmin } from '../apps/server/src/testing/test-app.ts';
import { expectAccessible, launchChromium, signedInPage } from './support/browser.ts';
import { startHaven, type RunningHaven } from './support/haven.ts';
import { answerItems, answerUpToPreferences, continueButton, newClient, onStep } from './support/intake.ts';

let haven: RunningHaven;
let browser: Browser;
beforeAll(async () => {
  [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

/** An organisation that prepays three sessions a client, with one code, set up through the operations API. */
async function eapPartner(code: string): Promise<void> {
  const cookie = await signInAsNewAdmin(haven.app);
  const post = (url: string, payload: object) => haven.app.http.inject({ method: 'POST', url, payload, headers: { cookie } });
  const created = await post('/api/admin/partners/eap', { name: 'Northwind Traders', sessionsPerClient: 3, endsOn: '2099-12-31' });
  expect(created.statusCode, created.body).toBe(201);
  const partner = created.json<EapPartner>();
  const withCode = await post(`/api/admin/partners/eap/${partner.id}/codes`, { code });
  expect(withCode.statusCode, withCode.body).toBe(201);
}

const said = (page: Page, text: string) => expect.poll(() => page.getByRole('status').filter({ hasText: text }).count()).toBe(1);
const balance = (page: Page) => page.locator('.care__balance').textContent();
const coverageState = (page: Page) => page.evaluate(async () => (await fetch('/api/coverage')).json() as Promise<CoverageState>);

it('a client with an organisation code starts a messaging session the provider completes, books a live session and cancels it in time', async () => {
  await eapPartner('NORTHWIND-EAP');
  const provider = await insertProvider(haven.app.context.db, {
    firstName: 'Amara',
    lastName: 'Okafor',
    states: ['TX'],
    focusAreas: ['stress', 'work'],
  });

  // The intake, on a phone, paying with the organisation's code.
  const page = await newClient(browser, haven.url, haven.app.context.db, 'Devon', 390);
  await page.goto(`${haven.url}/intake`);
  await answerUpToPreferences(page, { state: 'TX', focusArea: 'Stress' });
  await page.getByLabel('Both').check();
  await page.getByLabel('Video').check();
  await continueButton(page).click();
  await onStep(page, "How you've been feeling");
  await answerItems(page, [1, 0, 1, 0, 0, 0, 0, 0, 0]);
  await page
    .getByRole('group', { name: /how difficult/ })
    .getByLabel('Somewhat difficult')
    .check();
  await continueButton(page).click();
  await onStep(page, 'Worry and anxiety');
  await answerItems(page, [1, 1, 0, 0, 0, 0, 0]);
  await continueButton(page).click();

  await onStep(page, "How you'll pay");
  await page.getByLabel('An organisation code (EAP)').check();
  expect(await page.getByRole('main').textContent()).toContain('one messaging session that you start');
  // A code nobody issued is refused at its field, with the reason.
  await page.getByLabel('Your organisation code').fill('NOBODY-1234');
  await continueButton(page).click();
  const codeError = page.locator('#intake-eap-code-error');
  await expect.poll(() => codeError.textContent()).toMatch(/Code not accepted: ./);
  await expectAccessible(page);
  await page.getByLabel('Your organisation code').fill(' northwind-eap ');
  await continueButton(page).click();

  await onStep(page, 'Consent');
  await page.getByLabel('I have read and accept the telehealth consent').check();
  await page.getByLabel('I have read and accept the privacy notice').check();
  await continueButton(page).click();
  await onStep(page, 'Your first session');
  await page.getByLabel('Skip — match me now').check();
  await page.getByRole('button', { name: 'Finish and match me now' }).click();
  await page.waitForURL('**/care');

  // Messaging is counted in sessions the client starts: one credit, at once, not cancellable.
  await expect.poll(() => balance(page)).toContain('3 of 3 sessions left');
  const messaging = page.getByRole('region', { name: 'Messaging', exact: true });
  expect(await messaging.textContent()).toContain('Uses 1 of your 3 prepaid sessions.');
  await expectAccessible(page);
  await messaging.getByRole('button', { name: 'Start a messaging session' }).click();
  expect(await messaging.textContent()).toContain("it can't be cancelled once started");
  await messaging.getByRole('button', { name: 'Yes, start it' }).click();
  await said(page, 'Your messaging session has started.');
  await expect.poll(() => balance(page)).toContain('2 of 3 sessions left');
  expect(await messaging.textContent()).toContain('Your messaging session is open until');
  expect(await messaging.getByRole('button').count()).toBe(0);
  await expectAccessible(page);

  // The provider marks it complete from their caseload.
  const workspace = await signedInPage(browser, haven.url, await giveProviderAccount(haven.app.context.db, provider.id));
  await workspace.goto(`${haven.url}/provider/clients`);
  await workspace.getByRole('button', { name: 'Mark messaging session complete for Devon' }).click();
  await workspace.getByRole('button', { name: 'Yes, mark it complete' }).click();
  await said(workspace, 'Messaging session with Devon marked complete.');
  expect((await coverageState(page)).openMessagingSession).toBeNull();

  // A live session at least two days ahead takes a credit while it is booked.
  await page.reload();
  await expect.poll(() => messaging.getByRole('button', { name: 'Start a messaging session' }).isVisible()).toBe(true);
  const booking = page.getByRole('region', { name: 'Book a live session with Amara' });
  const days = booking.getByLabel('Day');
  await expect.poll(() => days.locator('option').count()).toBeGreaterThan(2);
  await days.selectOption({ index: (await days.locator('option').count()) - 1 });
  await booking.getByRole('group', { name: /^Time/ }).getByRole('radio').first().check();
  // Times are said in the client's own zone, and the cost before anything is booked.
  expect(await booking.textContent()).toContain('Times in Central Time (America/Chicago)');
  expect(await booking.textContent()).toContain('with Amara Okafor.');
  expect(await booking.textContent()).toContain('Uses 1 of your 2 prepaid sessions.');
  await expectAccessible(page);
  await booking.getByRole('button', { name: 'Book this session' }).click();
  await said(page, 'Booked:');
  await expect.poll(() => balance(page)).toContain('1 of 3 sessions left');
  const next = page.getByRole('region', { name: 'Upcoming sessions' });
  await expect.poll(() => next.textContent()).toContain('with Amara Okafor');

  // Cancelled more than 24 hours ahead, from the sessions page, the credit comes back; the page says so before it is confirmed.
  await next.getByRole('link', { name: 'See and change your sessions' }).click();
  await page.waitForURL('**/sessions');
  const upcoming = page.getByRole('region', { name: 'Upcoming sessions' });
  await expect.poll(() => upcoming.textContent()).toContain('with Amara Okafor');
  expect(await upcoming.textContent()).toContain('Confirmed');
  expect(await upcoming.textContent()).toMatch(/Opens 10 minutes before the start/);
  await expectAccessible(page);
  await upcoming.getByRole('button', { name: /^Cancel session on / }).click();
  expect(await upcoming.textContent()).toContain("It's 24 hours or more away, so the session is returned to you.");
  await expectAccessible(page);
  await upcoming.getByRole('button', { name: 'Yes, cancel it' }).click();
  await said(page, 'and the session is returned to you');
  await expect.poll(() => upcoming.textContent()).toContain('You have no live sessions booked.');
  const past = page.getByRole('region', { name: 'Past sessions' });
  await expect.poll(() => past.textContent()).toContain('Cancelled by you');
  expect((await coverageState(page)).coverage).toMatchObject({ kind: 'eap', creditsLeft: 2 });

  // The plan page shows the organisation, what is left, and every credit in the history.
  await page.getByRole('link', { name: 'Your plan', exact: true }).click();
  await page.waitForURL('**/plan');
  const current = page.getByRole('region', { name: "Your organisation's sessions" });
  await expect.poll(() => current.textContent()).toContain('Northwind Traders');
  expect(await current.textContent()).toContain('2 of 3 sessions left');
  const history = page.getByRole('table', { name: 'Sessions added and used, newest first' });
  const rows = await history.locator('tbody tr').allTextContents();
  expect(rows.map((row) => /^.*?(Added|Used|Held for a booking|Returned).*?([+-]\d+)$/.exec(row)?.slice(1))).toEqual([
    ['Returned', '+1'],
    ['Held for a booking', '-1'],
    ['Used', '-1'],
    ['Added', '+3'],
  ]);
  await expectAccessible(page);
});
