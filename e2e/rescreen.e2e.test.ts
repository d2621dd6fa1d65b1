import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { remindDueRescreens } from '../apps/server/src/modules/care/rescreen.service.ts';
import { insertProvider, signInAsProvider } from '../apps/server/src/testing/network.ts';
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

it('four weeks after intake a client re-screens, answers item 9 = 1 and sees crisis resources at once; the provider sees the alert, the scores and the chart', async () => {
  const db = haven.app.context.db;
  const maya = await insertProvider(db, { firstName: 'Maya', lastName: 'Okafor', states: ['OR'] });
  const providerCookie = await signInAsProvider(haven.app, maya.id);
  const sam = await matchedClient(haven, 'Sam', { state: 'OR', timeZone: 'America/Los_Angeles' });
  expect(sam.care.current?.provider.id).toBe(maya.id);

  // Time moves: the intake's screeners (and the care that began with them) were four weeks ago.
  const fourWeeksAgo = new Date(Date.now() - 28 * 86_400_000);
  const client = await db
    .selectFrom('clients as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select('c.id')
    .where('u.email', '=', sam.email)
    .executeTakeFirstOrThrow();
  await db.updateTable('screener_results').set({ taken_at: fourWeeksAgo }).where('client_id', '=', client.id).execute();
  await db.updateTable('care_assignments').set({ started_at: fourWeeksAgo }).where('client_id', '=', client.id).execute();
  expect(await remindDueRescreens(db, new Date())).toBe(1);

  const page = await pageWithSession(browser, haven, sam.cookie);
  await page.goto(`${haven.url}/home`);
  await page.getByRole('heading', { name: 'Your check-in is ready' }).waitFor();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start the check-in' }).click();

  const phq9 = [1, 1, 2, 1, 1, 1, 0, 0, 1];
  const gad7 = [1, 1, 1, 1, 0, 0, 1];
  const answerLabel = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
  for (const [index, score] of phq9.entries()) {
    await page
      .locator(`#checkin-phq9-${index + 1}`)
      .getByLabel(answerLabel[score]!, { exact: true })
      .check();
  }
  await page.locator('#checkin-phq9-difficulty').getByLabel('Somewhat difficult', { exact: true }).check();
  for (const [index, score] of gad7.entries()) {
    await page
      .locator(`#checkin-gad7-${index + 1}`)
      .getByLabel(answerLabel[score]!, { exact: true })
      .check();
  }
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send my answers' }).click();

  // Crisis resources appear at once, as an alert, with the numbers to call.
  const crisis = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: /help/i }) });
  await crisis.waitFor();
  await expect.poll(() => crisis.getByRole('link').count()).toBeGreaterThan(0);
  await page.getByRole('table', { name: /PHQ-9 \(mood\) scores/ }).waitFor();
  await expect
    .poll(() =>
      page
        .getByRole('table', { name: /PHQ-9 \(mood\) scores/ })
        .getByRole('row')
        .count(),
    )
    .toBe(3);
  await expectAccessible(page);

  // The provider: the alert in the bell, then the new scores and the chart with its table in the room.
  const provider = await pageWithSession(browser, haven, providerCookie);
  await provider.goto(`${haven.url}/provider/inbox`);
  await expect
    .poll(
      async () => {
        await provider.reload();
        return (await provider.getByRole('button', { name: /unread/i }).count()) > 0;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  await provider.getByRole('button', { name: /unread/i }).click();
  const alert = provider.getByRole('link', { name: /Sam answered the question about thoughts of self-harm/ });
  await alert.waitFor();
  await alert.click();
  await provider.waitForURL(`**/provider/rooms/${sam.care.roomId}`);
  await provider.getByRole('heading', { name: 'Progress (PHQ-9 and GAD-7)' }).waitFor();
  const table = provider.getByRole('table', { name: /PHQ-9 \(mood\) scores/ });
  await table.waitFor();
  const rows = await table.getByRole('row').allTextContents();
  expect(rows).toHaveLength(3);
  expect(rows[2]).toContain('8 of 27');
  await provider.getByRole('img', { name: 'PHQ-9 (mood)' }).waitFor();
  await provider.getByText(/item 9 \(thoughts of self-harm\)/).waitFor();
  await expectAccessible(provider);
});
