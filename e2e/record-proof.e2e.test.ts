// The proof journey: an operator opens a client's conversation for a recorded reason; the client
// then sees that access on "Who saw my record", downloads their record as a FHIR R4 Bundle whose
// every resource validates against the R4 structure definitions, and closes their account.
import { readFile } from 'node:fs/promises';
import type { Bundle } from '@medplum/fhirtypes';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureAdmin } from '../apps/server/src/modules/identity/identity.service.ts';
import { r4Validator, unresolvedIssues } from '../apps/server/src/testing/fhir.ts';
import { insertProvider } from '../apps/server/src/testing/network.ts';
import { expectAccessible, launchChromium, signedInPage } from './support/browser.ts';
import { matchedClient, pageWithSession, sendThroughApi } from './support/clients.ts';
import { startHaven, type RunningHaven } from './support/haven.ts';

const admin = { email: 'ops.records@example.org', password: 'harbour cedar 7714 lamp' };
const REASON = 'The client called support in distress; checking their last messages for safety.';

let haven: RunningHaven;
let browser: Browser;
beforeAll(async () => {
  [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
  await ensureAdmin(haven.app.context.db, admin);
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

it('an operator reads a room for a reason; the client sees it, exports a valid FHIR record, then closes their account', async () => {
  await insertProvider(haven.app.context.db, { firstName: 'Lena', lastName: 'Park', states: ['CO'] });
  const client = await matchedClient(haven, 'Noor', { state: 'CO', timeZone: 'America/Denver' });
  await sendThroughApi(haven, client.cookie, client.care.roomId!, 'I could not sleep again last night.');
  const { id: clientId } = await haven.app.context.db
    .selectFrom('clients')
    .innerJoin('users', 'users.id', 'clients.user_id')
    .select('clients.id')
    .where('users.preferred_name', '=', 'Noor')
    .executeTakeFirstOrThrow();

  // The operator, from the client's page in the console, gives a reason and reads the room.
  const ops = await signedInPage(browser, haven.url, admin);
  await ops.goto(`${haven.url}/admin/clients/${clientId}`);
  await ops.getByLabel('Why must you read this conversation?').fill(REASON);
  await ops.getByRole('button', { name: 'Open read-only for 60 minutes' }).click();
  await ops.waitForURL('**/admin/break-glass/**');
  await expect.poll(() => ops.getByText('I could not sleep again last night.').isVisible()).toBe(true);
  await expectAccessible(ops);

  // The client sees who read it, and why.
  const page = await pageWithSession(browser, haven, client.cookie);
  await page.goto(`${haven.url}/settings`);
  await page.getByRole('link', { name: 'See who opened your record' }).click();
  await page.waitForURL('**/record-access');
  await expect.poll(() => page.getByText('Haven staff read your messages for an urgent reason').isVisible()).toBe(true);
  expect(await page.getByText(REASON, { exact: false }).isVisible()).toBe(true);
  await expectAccessible(page);

  // The record, as FHIR: every resource validates, and no psychotherapy note is in it.
  await page.goto(`${haven.url}/settings`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'For another provider or app (FHIR)' }).click(),
  ]);
  const bundle = JSON.parse(await readFile(await download.path(), 'utf8')) as Bundle;
  expect(bundle.resourceType).toBe('Bundle');
  const validate = await r4Validator();
  const resources = (bundle.entry ?? []).map((entry) => entry.resource!);
  expect(resources.map((r) => r.resourceType)).toEqual(expect.arrayContaining(['Patient', 'Communication']));
  for (const resource of resources) expect(unresolvedIssues(bundle, validate(resource)), resource.resourceType).toEqual([]);
  expect(JSON.stringify(bundle)).not.toMatch(/psychotherapy_note|psychotherapyNote/i);

  // Closing: the password confirms it, the page says until when the record is kept, and the
  // session is gone.
  await page.getByRole('button', { name: 'Close my account…' }).click();
  await page.getByLabel('Your password, to confirm').fill(client.password);
  await page.getByRole('button', { name: 'Close my account', exact: true }).click();
  await expect.poll(() => page.getByText('Your account is closed and you are signed out.', { exact: false }).isVisible()).toBe(true);
  await expectAccessible(page);
  expect((await page.request.get(`${haven.url}/api/me`)).status()).toBe(401);
});
