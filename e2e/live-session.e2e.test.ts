import type { BookedLiveSessions, BookingOptions, LiveSessionList } from '@haven/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { giveProviderAccount, insertProvider } from '../apps/server/src/testing/network.ts';
import { expectAccessible, launchChromium, signedInPage } from './support/browser.ts';
import { matchedClient, pageWithSession } from './support/clients.ts';
import { startHaven, type RunningHaven } from './support/haven.ts';

let haven: RunningHaven;
let browser: Browser;
beforeAll(async () => {
  [haven, browser] = await Promise.all([startHaven(), launchChromium({ fakeMedia: true })]);
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

const allWeek = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
/** A figure from the "Connection details" the call page reads from its own RTCPeerConnection. */
const stat = (page: Page, name: 'video-frames' | 'audio-packets') =>
  page
    .locator(`[data-stat="${name}"]`)
    .getAttribute('data-value')
    .then((value) => Number(value ?? 0));
const state = (page: Page) => page.locator('.call__state').textContent();
/** Still arriving: the figure grows across one refresh of the details (every 2 s). */
async function flowing(page: Page, name: 'video-frames' | 'audio-packets'): Promise<boolean> {
  const before = await stat(page, name);
  await page.waitForTimeout(2_500);
  return (await stat(page, name)) > before;
}

it('a client books a video session; both join; video arrives both ways, falls back to audio that still flows, ends; the provider signs a note', async () => {
  const db = haven.app.context.db;
  const provider = await insertProvider(db, {
    firstName: 'Ana',
    lastName: 'Díaz',
    states: ['TX'],
    modalities: ['messaging', 'video', 'audio', 'chat'],
    weekly: allWeek,
  });
  const login = await giveProviderAccount(db, provider.id);
  const client = await matchedClient(haven, 'Dana', {
    preferences: { providerGender: null, approaches: [], careFormat: 'both', liveModality: 'video', preferredTimes: ['evening'] },
    coverage: { kind: 'direct', plan: 'messaging_live' },
  });

  // The client books a video session from the care page, in their own time zone.
  const clientPage = await pageWithSession(browser, haven, client.cookie);
  await clientPage.goto(`${haven.url}/care`);
  const booking = clientPage.getByRole('region', { name: 'Book a live session with Ana' });
  await booking.getByRole('group', { name: /^Time/ }).getByRole('radio').first().check();
  await booking.getByRole('group', { name: "How you'd like to meet" }).getByLabel('Video').check();
  expect(await booking.textContent()).toContain('Times in Central Time (America/Chicago)');
  await booking.getByRole('button', { name: 'Book this session' }).click();
  await expect.poll(() => clientPage.getByRole('status').filter({ hasText: 'Booked:' }).count()).toBe(1);
  const { upcoming } = await clientPage.evaluate(async () => (await fetch('/api/sessions')).json() as Promise<LiveSessionList>);
  expect(upcoming).toHaveLength(1);
  const sessionId = upcoming[0]!.id;

  // Time passes: the session now starts in two minutes, so its join window is open.
  const startsAt = new Date(Date.now() + 2 * 60_000);
  await db
    .updateTable('live_sessions')
    .set({ starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 50 * 60_000) })
    .where('id', '=', sessionId)
    .execute();

  // The client joins from their sessions page, saying where they are.
  await clientPage.goto(`${haven.url}/sessions`);
  await clientPage.getByRole('link', { name: /^Join/ }).first().click();
  await clientPage.waitForURL(`**/sessions/${sessionId}`);
  await clientPage.getByLabel('Where are you right now?').selectOption('TX');
  await expectAccessible(clientPage);
  await clientPage.getByRole('button', { name: 'Join the session' }).click();
  await expect.poll(() => state(clientPage)).toContain('Waiting for Ana Díaz to join');

  // The provider joins the same session from their own browser.
  const providerPage = await signedInPage(browser, haven.url, login);
  await providerPage.goto(`${haven.url}/sessions/${sessionId}`);
  await providerPage.getByRole('button', { name: 'Join the session' }).click();

  // Decoded video frames arrive on both sides, read from each side's own getStats().
  for (const page of [clientPage, providerPage]) {
    await expect.poll(() => state(page), { timeout: 30_000 }).toContain('Connected with');
    await expect.poll(() => stat(page, 'video-frames'), { timeout: 30_000 }).toBeGreaterThan(10);
    await expect.poll(() => stat(page, 'audio-packets'), { timeout: 30_000 }).toBeGreaterThan(10);
  }
  await expectAccessible(providerPage);

  if (process.env.HAVEN_SCREENSHOTS) await clientPage.screenshot({ path: `${process.env.HAVEN_SCREENSHOTS}/video.png`, fullPage: true });

  // The client falls back to audio: the same session, for both of them, and sound still flows.
  await clientPage.getByRole('button', { name: 'Switch to audio only' }).click();
  for (const page of [clientPage, providerPage]) {
    await expect.poll(() => page.getByRole('heading', { name: /^Audio session with/ }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => flowing(page, 'audio-packets'), { timeout: 20_000 }).toBe(true);
  }
  // …and the client's camera no longer sends.
  await expect.poll(() => flowing(providerPage, 'video-frames'), { timeout: 20_000 }).toBe(false);
  const recorded = await db
    .selectFrom('live_sessions')
    .select(['modality', 'current_modality', 'client_location'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  expect(recorded).toEqual({ modality: 'video', current_modality: 'audio', client_location: 'TX' });
  if (process.env.HAVEN_SCREENSHOTS) await providerPage.screenshot({ path: `${process.env.HAVEN_SCREENSHOTS}/audio.png`, fullPage: true });

  // And on to a live chat, still the same session: what they write stays in the room, marked as this session.
  await providerPage.getByRole('button', { name: 'Switch to chat' }).click();
  for (const page of [clientPage, providerPage]) {
    await expect.poll(() => page.getByRole('heading', { name: /^Live chat session with/ }).count(), { timeout: 15_000 }).toBe(1);
  }
  await clientPage.getByLabel(/^Message to /).fill('Can we keep going here? My connection is poor.');
  await clientPage.getByLabel(/^Message to /).press('Enter');
  await expect.poll(() => providerPage.getByText('Can we keep going here? My connection is poor.').count(), { timeout: 15_000 }).toBe(1);
  expect(await providerPage.locator('.message__session').first().textContent()).toContain('live chat session');
  await expectAccessible(providerPage);
  if (process.env.HAVEN_SCREENSHOTS) await providerPage.screenshot({ path: `${process.env.HAVEN_SCREENSHOTS}/chat.png`, fullPage: true });

  // The provider ends it; both pages say so, and it is held.
  await providerPage.getByRole('button', { name: 'End session' }).click();
  await providerPage.getByRole('button', { name: 'Yes, end it' }).click();
  for (const page of [clientPage, providerPage]) {
    await expect.poll(() => page.getByText('This session has ended. Thank you.').count(), { timeout: 15_000 }).toBe(1);
  }

  // The provider writes the progress note and signs it.
  await providerPage.getByRole('link', { name: 'Write the progress note' }).click();
  await providerPage.waitForURL(`**/provider/sessions/${sessionId}/note`);
  await providerPage.getByLabel('Presentation').fill('Anxious about a new job; engaged and reflective.');
  await providerPage.getByLabel('Interventions').fill('Cognitive restructuring of catastrophic predictions.');
  await providerPage.getByLabel('Plan', { exact: true }).fill('Thought record daily; review next week.');
  await providerPage.getByRole('button', { name: 'Sign and lock', exact: true }).click();
  await providerPage.getByRole('button', { name: 'Yes, sign and lock' }).click();
  await expect.poll(() => providerPage.getByText('Signed by Ana Díaz, LPC on', { exact: false }).count()).toBe(1);

  const held = await db.selectFrom('live_sessions').select(['status', 'outcome']).where('id', '=', sessionId).executeTakeFirstOrThrow();
  expect(held).toEqual({ status: 'completed', outcome: 'completed' });
}, 180_000);

it('a client with no camera or microphone still joins, and sees and hears the provider', async () => {
  const db = haven.app.context.db;
  const provider = await insertProvider(db, {
    firstName: 'Bea',
    lastName: 'Lund',
    states: ['VT'],
    modalities: ['messaging', 'video'],
    weekly: allWeek,
  });
  const login = await giveProviderAccount(db, provider.id);
  const client = await matchedClient(haven, 'Sam', {
    state: 'VT',
    preferences: { providerGender: null, approaches: [], careFormat: 'both', liveModality: 'video', preferredTimes: ['evening'] },
    coverage: { kind: 'direct', plan: 'messaging_live' },
  });
  const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
    haven.app.http.inject({ method, url, payload, headers: { cookie: client.cookie } });
  const from = new Date(Date.now() + 86_400_000).toISOString();
  const to = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const open = (await api('GET', `/api/sessions/options?from=${from}&to=${to}`)).json<BookingOptions>();
  const booked = await api('POST', '/api/sessions', {
    start: open.slots[0]!.start,
    lengthMinutes: open.lengthMinutes,
    modality: 'video',
    acceptedCostCents: 0,
  });
  expect(booked.statusCode, booked.body).toBe(201);
  const sessionId = booked.json<BookedLiveSessions>().sessions[0]!.id;
  const startsAt = new Date(Date.now() + 60_000);
  await db
    .updateTable('live_sessions')
    .set({ starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 50 * 60_000) })
    .where('id', '=', sessionId)
    .execute();

  // A browser with no camera and no microphone at all.
  const bare = await launchChromium();
  try {
    const clientPage = await pageWithSession(bare, haven, client.cookie);
    await clientPage.goto(`${haven.url}/sessions/${sessionId}`);
    await expect.poll(() => clientPage.getByText("We couldn't use a microphone").count()).toBe(1);
    await clientPage.getByLabel('Where are you right now?').selectOption('VT');
    await clientPage.getByRole('button', { name: 'Join the session' }).click();

    const providerPage = await signedInPage(browser, haven.url, login);
    await providerPage.goto(`${haven.url}/sessions/${sessionId}`);
    await providerPage.getByRole('button', { name: 'Join the session' }).click();

    await expect.poll(() => state(clientPage), { timeout: 30_000 }).toContain('Connected with Bea Lund');
    await expect.poll(() => flowing(clientPage, 'video-frames'), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => flowing(clientPage, 'audio-packets'), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => state(providerPage), { timeout: 30_000 }).toContain('Connected with Sam');
    expect(await stat(providerPage, 'video-frames')).toBe(0);
  } finally {
    await bare.close();
  }
}, 120_000);
