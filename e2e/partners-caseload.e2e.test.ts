import { consentVersions, type BookedLiveSessions, type BookingOptions, type CareState, type IntakeAnswers } from '@haven/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureAdmin } from '../apps/server/src/modules/identity/identity.service.ts';
import { aSignUp } from '../apps/server/src/testing/factories.ts';
import { giveProviderAccount, insertProvider } from '../apps/server/src/testing/network.ts';
import { expectAccessible, launchChromium, signedInPage } from './support/browser.ts';
import { confirmEmailedLink } from './support/clients.ts';
import { startHaven, type RunningHaven } from './support/haven.ts';

let haven: RunningHaven;
let browser: Browser;
const admin = { email: 'ops.partners@example.org', password: 'cobalt heron 3318 quill' };
beforeAll(async () => {
  [haven, browser] = await Promise.all([startHaven(), launchChromium()]);
  await ensureAdmin(haven.app.context.db, admin);
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

const said = (page: Page, text: string) => expect.poll(() => page.getByRole('status').filter({ hasText: text }).count()).toBe(1);

/** A client signs up, answers the intake with an organisation code and is matched, all through the API. */
async function eapClient(preferredName: string, code: string) {
  const send = async (path: string, method: string, body?: unknown, cookie?: string) => {
    const response = await fetch(`${haven.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, cookie: response.headers.getSetCookie()[0]?.split(';')[0], json: await response.json() };
  };
  const person = aSignUp({ preferredName });
  const signUp = await send('/api/auth/sign-up', 'POST', person);
  expect(signUp.status).toBe(202);
  expect(signUp.cookie).toBeUndefined();
  const cookie = await confirmEmailedLink(haven, person.email);
  const answers: IntakeAnswers = {
    state: 'TX',
    dateOfBirth: '1988-02-14',
    timeZone: 'America/Chicago',
    requiredLanguages: ['en'],
    preferredLanguages: [],
    focusAreas: ['stress', 'work'],
    preferences: { providerGender: null, approaches: [], careFormat: 'both', liveModality: 'video', preferredTimes: [] },
    phq9: { items: [1, 1, 0, 1, 0, 0, 1, 0, 0], difficulty: 1 },
    gad7: { items: [1, 1, 1, 0, 0, 0, 1] },
    inCrisis: false,
    coverage: { kind: 'eap', code },
    consent: { telehealthVersion: consentVersions.telehealth, privacyVersion: consentVersions.privacy },
  };
  const saved = await send('/api/intake', 'PUT', { step: 'consent', answers }, cookie);
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);
  const submitted = await send('/api/intake/submit', 'POST', { firstSession: null }, cookie);
  expect(submitted.status, JSON.stringify(submitted.json)).toBe(201);
  expect((submitted.json as CareState).current).not.toBeNull();
  return { send: (path: string, method: string, body?: unknown) => send(path, method, body, cookie) };
}

it('an operator sets up an EAP code and a plan; the provider settles the code’s client’s sessions; the ledger shows it', async () => {
  const provider = await insertProvider(haven.app.context.db, { firstName: 'Ines', lastName: 'Okafor', states: ['TX'] });
  const providerLogin = await giveProviderAccount(haven.app.context.db, provider.id);

  // The operator adds an organisation, then a code for it.
  const ops = await signedInPage(browser, haven.url, admin);
  await ops.goto(`${haven.url}/admin/providers`);
  const nav = ops.getByRole('navigation', { name: 'Operations console' });
  await nav.getByRole('link', { name: 'Partners' }).click();
  await ops.waitForURL('**/admin/partners');
  await expect.poll(() => ops.getByText('No EAP organisations yet.').count()).toBe(1);
  await expectAccessible(ops);

  await ops.getByRole('button', { name: 'Add organisation' }).click();
  await expect.poll(() => ops.getByRole('link', { name: /Enter the organisation's name/ }).count()).toBe(1);
  await ops.getByLabel('Organisation name').fill('Harbor Logistics');
  await ops.getByLabel('Sessions per client').fill('3');
  await ops.getByLabel('Agreement ends on').fill('2099-12-31');
  await ops.getByRole('button', { name: 'Add organisation' }).click();
  await said(ops, 'Organisation Harbor Logistics added.');
  const organisation = ops.getByRole('region', { name: 'Harbor Logistics' });
  expect(await organisation.textContent()).toContain('Dec 31, 2099');

  await organisation.getByLabel('New code for Harbor Logistics').fill('harbor-2026');
  await organisation.getByRole('button', { name: 'Add code to Harbor Logistics' }).click();
  await said(ops, 'Code HARBOR-2026 added to Harbor Logistics.');
  const codes = organisation.getByRole('region', { name: 'Codes' });
  await expect.poll(() => codes.getByRole('listitem').first().textContent()).toMatch(/HARBOR-2026.*0 clients enrolled.*Active/);
  // The same code twice is refused on the field.
  await organisation.getByLabel('New code for Harbor Logistics').fill('HARBOR-2026');
  await organisation.getByRole('button', { name: 'Add code to Harbor Logistics' }).click();
  await expect.poll(() => organisation.getByText('That code is already in use. Choose another.').count()).toBe(1);
  // A code that leaked is deactivated, after a question.
  await organisation.getByLabel('New code for Harbor Logistics').fill('HARBOR-PILOT');
  await organisation.getByRole('button', { name: 'Add code to Harbor Logistics' }).click();
  await said(ops, 'Code HARBOR-PILOT added to Harbor Logistics.');
  await codes.getByRole('button', { name: 'Deactivate code HARBOR-PILOT' }).click();
  await codes.getByRole('button', { name: 'Yes, deactivate' }).click();
  await said(ops, 'Code HARBOR-PILOT of Harbor Logistics deactivated.');
  await expect.poll(() => codes.getByRole('listitem').filter({ hasText: 'HARBOR-PILOT' }).textContent()).toContain('Deactivated');
  expect(await codes.getByRole('button', { name: /Deactivate code/ }).count()).toBe(1);
  await expectAccessible(ops);

  // The Messaging + Live plan gets six live sessions a month.
  const plan = ops.getByRole('region', { name: 'Messaging + Live' });
  await plan.getByLabel('Live sessions a month').fill('6');
  await plan.getByRole('button', { name: 'Save Messaging + Live' }).click();
  await said(ops, 'Messaging + Live saved: $360.00 a month, 6 live sessions.');
  await ops.reload();
  await expect.poll(() => ops.getByRole('region', { name: 'Messaging + Live' }).getByLabel('Live sessions a month').inputValue()).toBe('6');
  await expectAccessible(ops);

  // A client enrolls with the code, starts a messaging session, and had a live session that has started.
  const client = await eapClient('Noor', 'HARBOR-2026');
  expect((await client.send('/api/care/messaging-sessions', 'POST', { acceptedCostCents: 0 })).status).toBe(201);
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 5 * 86_400_000).toISOString();
  const open = (await client.send(`/api/sessions/options?from=${from}&to=${to}`, 'GET')).json as BookingOptions;
  const booked = await client.send('/api/sessions', 'POST', {
    start: open.slots[0]!.start,
    lengthMinutes: open.lengthMinutes,
    modality: 'video',
    acceptedCostCents: 0,
  });
  expect(booked.status, JSON.stringify(booked.json)).toBe(201);
  const sessionId = (booked.json as BookedLiveSessions).sessions[0]!.id;
  await haven.app.context.db
    .updateTable('live_sessions')
    .set({ starts_at: new Date(Date.now() - 3_600_000), ends_at: new Date(Date.now() - 600_000) })
    .where('id', '=', sessionId)
    .execute();

  // The provider sees the client, closes the messaging session and says the client didn't attend.
  const workspace = await signedInPage(browser, haven.url, providerLogin);
  await workspace.goto(`${haven.url}/provider/profile`);
  await workspace.getByRole('navigation', { name: 'Provider workspace' }).getByRole('link', { name: 'Clients' }).click();
  await workspace.waitForURL('**/provider/clients');
  const card = workspace.getByRole('region', { name: 'Noor' });
  await expect.poll(() => card.textContent()).toContain('EAP (employer)');
  expect(await card.textContent()).toMatch(/Messaging session open until/);
  expect(await card.getByRole('link', { name: 'Open the room with Noor' }).getAttribute('href')).toMatch(
    /^\/provider\/rooms\/[0-9a-f-]{36}$/,
  );
  await expectAccessible(workspace);

  await card.getByRole('button', { name: 'Mark messaging session complete for Noor' }).click();
  await expect.poll(() => card.getByText(/Mark Noor's messaging session complete\?/).count()).toBe(1);
  await expectAccessible(workspace);
  await card.getByRole('button', { name: 'Yes, mark it complete' }).click();
  await said(workspace, 'Messaging session with Noor marked complete.');
  await expect.poll(() => card.textContent()).toContain('No messaging session is open.');

  const outcome = card.getByRole('group', { name: /How did the session on .* go\?/ });
  await outcome.getByRole('button', { name: "Client didn't attend" }).click();
  await expect
    .poll(() =>
      workspace
        .getByRole('status')
        .filter({ hasText: /Recorded for Noor, .*: Client didn't attend\./ })
        .count(),
    )
    .toBe(1);
  await expect.poll(() => outcome.count()).toBe(0);
  expect(await card.getByRole('region', { name: 'Recent live sessions' }).textContent()).toContain("Client didn't attend");
  await expectAccessible(workspace);

  // The operator finds the client and reads the ledger: three credits granted, one per session used.
  await nav.getByRole('link', { name: 'Clients' }).click();
  await ops.waitForURL('**/admin/clients');
  await ops.getByLabel('Name or email').fill('noor');
  await ops.getByRole('button', { name: 'Search' }).click();
  const results = ops.getByRole('table', { name: '1 client matching “noor”' });
  await expect.poll(() => results.getByRole('row', { name: /Noor/ }).textContent()).toMatch(/Texas.*EAP \(employer\)/);
  await expectAccessible(ops);
  await results.getByRole('link', { name: 'Noor' }).click();
  await ops.waitForURL('**/admin/clients/*');
  await expect.poll(() => ops.getByRole('heading', { level: 1 }).textContent()).toBe('Noor');
  const coverage = ops.getByRole('region', { name: 'Coverage' });
  expect(await coverage.textContent()).toMatch(/Harbor Logistics.*Sessions left1 of 3/);
  const ledger = ops.getByRole('table', { name: /ledger entries, newest first/ });
  await expect.poll(() => ledger.locator('tbody tr').count()).toBe(4);
  const rows = await Promise.all(
    (await ledger.locator('tbody tr').all()).map(async (row) => (await row.locator('td').allTextContents()).slice(1, 3)),
  );
  // Oldest first: the code's grant, the messaging session, then the live session reserved and used by the no-show.
  expect(rows.reverse()).toEqual([
    ['Granted', '+3'],
    ['Spent', '-1'],
    ['Reserved', '-1'],
    ['Spent', '0'],
  ]);
  await expectAccessible(ops);

  // The code now counts its client.
  await nav.getByRole('link', { name: 'Partners' }).click();
  await expect
    .poll(() =>
      ops.getByRole('region', { name: 'Harbor Logistics' }).getByRole('listitem').filter({ hasText: 'HARBOR-2026' }).textContent(),
    )
    .toMatch(/1 client enrolled/);
});
