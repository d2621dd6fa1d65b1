import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount } from '../apps/server/src/modules/identity/identity.service.ts';
import { aSignUp } from '../apps/server/src/testing/factories.ts';
import { giveProviderAccount, insertProvider } from '../apps/server/src/testing/network.ts';
import { expectAccessible, launchChromium, signedInPage } from './support/browser.ts';
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

/** A provider and their client, with a 50-minute video session that started an hour ago. */
async function aHeldSession() {
  const db = haven.app.context.db;
  const clientUser = await createAccount(db, { ...aSignUp({ preferredName: 'Noor' }), role: 'client' });
  const client = await db.insertInto('clients').values({ user_id: clientUser.id }).returning('id').executeTakeFirstOrThrow();
  const room = await db.insertInto('rooms').values({ client_id: client.id }).returning('id').executeTakeFirstOrThrow();
  const provider = await insertProvider(db, { firstName: 'Ruth', lastName: 'Adeyemi' });
  const login = await giveProviderAccount(db, provider.id);
  await db
    .insertInto('care_assignments')
    .values({
      client_id: client.id,
      provider_id: provider.id,
      room_id: room.id,
      route: 'instant',
      score: 1,
      reasons: JSON.stringify([]),
      waiting_since: new Date(),
    })
    .execute();
  const startsAt = new Date(Date.now() - 60 * 60_000);
  const session = await db
    .insertInto('live_sessions')
    .values({
      client_id: client.id,
      provider_id: provider.id,
      room_id: room.id,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 50 * 60_000),
      modality: 'video',
      status: 'booked',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { login, sessionId: session.id };
}

it('a provider drafts a progress note, signs and locks it, amends it, and keeps private psychotherapy notes', async () => {
  const { login, sessionId } = await aHeldSession();
  const page = await signedInPage(browser, haven.url, login);
  await page.goto(`${haven.url}/provider/clients`);
  await page.getByRole('link', { name: /^Progress note for Noor/ }).click();
  await page.waitForURL(`**/provider/sessions/${sessionId}/note`);
  await expect.poll(() => page.getByRole('heading', { name: 'Session notes: Noor' }).count()).toBe(1);
  // The code follows the session's length until the provider says otherwise.
  expect(await page.getByLabel('CPT code').inputValue()).toBe('90834');
  await expectAccessible(page);

  // Signing with sections missing says which.
  await page.getByRole('button', { name: 'Sign and lock', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, sign and lock' }).click();
  await expect.poll(() => page.getByRole('link', { name: 'Describe how the client presented before signing.' }).count()).toBe(1);

  await page.getByLabel('Presentation').fill('Tired, low mood; slept badly after a conflict at work.');
  await page.getByLabel('Interventions').fill('Behavioural activation planning; validated frustration.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Draft saved.' }).count()).toBe(1);

  await page.getByLabel('Plan', { exact: true }).fill('Two activities scheduled; review next week.');
  await page.getByLabel('Psychotherapy minutes').fill('55');
  expect(await page.getByLabel('CPT code').inputValue()).toBe('90837');
  await page.getByRole('button', { name: 'Sign and lock', exact: true }).click();
  await expect.poll(() => page.getByText('Once signed it cannot be edited').count()).toBe(1);
  await page.getByRole('button', { name: 'Yes, sign and lock' }).click();
  await expect.poll(() => page.getByText('Signed by Ruth Adeyemi, LPC on', { exact: false }).count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);

  await page.getByLabel('Amendment', { exact: true }).fill('Client also mentioned a new sleep medication.');
  await page.getByLabel('Reason for the amendment').fill('Omitted at signing.');
  await page.getByRole('button', { name: 'Sign and add the amendment' }).click();
  await expect.poll(() => page.getByText('Client also mentioned a new sleep medication.').count()).toBe(1);

  const privateNotes = page.getByRole('form', { name: /Psychotherapy notes — private to you/ });
  await privateNotes.getByLabel('Psychotherapy notes', { exact: true }).fill('Wonder whether the conflict echoes her father.');
  await privateNotes.getByRole('button', { name: 'Save psychotherapy notes' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Psychotherapy notes saved.' }).count()).toBe(1);
  await expectAccessible(page);

  await page.reload();
  await expect
    .poll(() => page.getByLabel('Psychotherapy notes', { exact: true }).inputValue())
    .toBe('Wonder whether the conflict echoes her father.');
});
