import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { insertProvider, signInAsProvider } from '../apps/server/src/testing/network.ts';
import { expectAccessible, launchChromium } from './support/browser.ts';
import { matchedClient, pageWithSession, sendThroughApi } from './support/clients.ts';
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

it('a client downloads their record from settings, as a page they can read offline and as a FHIR Bundle', async () => {
  const provider = await insertProvider(haven.app.context.db, { firstName: 'Mei', lastName: 'Okafor', states: ['WA'] });
  const client = await matchedClient(haven, 'Quinn', { state: 'WA', timeZone: 'America/Los_Angeles' });
  expect(client.care.current?.provider.id).toBe(provider.id);
  await sendThroughApi(haven, client.cookie, client.care.roomId!, 'The breathing exercise helped on the bus.');
  await sendThroughApi(haven, await signInAsProvider(haven.app, provider.id), client.care.roomId!, 'Glad to hear it, Quinn.');

  const page = await pageWithSession(browser, haven, client.cookie);
  await page.goto(`${haven.url}/settings`);
  await expect.poll(() => page.getByRole('heading', { name: 'Download my record' }).isVisible()).toBe(true);
  await expectAccessible(page);

  const [readable] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Readable copy (HTML)' }).click()]);
  expect(readable.suggestedFilename()).toMatch(/^haven-record-\d{4}-\d{2}-\d{2}\.html$/);
  // Kept under its own name, as a browser saves it, so that opening it reads it as HTML.
  const folder = await mkdtemp(path.join(tmpdir(), 'haven-record-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  const htmlPath = path.join(folder, readable.suggestedFilename());
  await readable.saveAs(htmlPath);
  const html = await readFile(htmlPath, 'utf8');
  expect(html).toContain('The breathing exercise helped on the bus.');
  expect(html).toContain('Mei Okafor');

  // The file stands on its own: opened from disk with the network cut off, it shows the record.
  const offline = await (await browser.newContext({ offline: true })).newPage();
  const requests: string[] = [];
  offline.on('request', (request) => requests.push(request.url()));
  await offline.goto(`file://${htmlPath}`);
  expect(await offline.getByRole('heading', { level: 1 }).textContent()).toBe('Your Haven record');
  expect(await offline.getByText('Glad to hear it, Quinn.').isVisible()).toBe(true);
  expect(await offline.getByRole('heading', { name: 'Questionnaires' }).isVisible()).toBe(true);
  expect(requests).toEqual([`file://${htmlPath}`]);
  await expectAccessible(offline);
  await offline.context().close();

  const [fhir] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'For another provider or app (FHIR)' }).click(),
  ]);
  expect(fhir.suggestedFilename()).toMatch(/^haven-record-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
  const bundle = JSON.parse(await readFile(await fhir.path(), 'utf8')) as {
    resourceType: string;
    type: string;
    entry: Array<{ resource: { resourceType: string; name?: Array<{ text?: string }> } }>;
  };
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
  const types = bundle.entry.map((e) => e.resource.resourceType);
  expect(types.filter((t) => t === 'Communication')).toHaveLength(2);
  expect(types.filter((t) => t === 'Observation')).toHaveLength(2);
  expect(bundle.entry.find((e) => e.resource.resourceType === 'Patient')?.resource.name?.[0]?.text).toBe('Quinn');
});
