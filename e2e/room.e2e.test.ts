import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertProvider, signInAsProvider } from '../apps/server/src/testing/network.ts';
import { expectAccessible, launchChromium } from './support/browser.ts';
import { matchedClient, pageWithSession, sendThroughApi, type MatchedClient } from './support/clients.ts';
import { startBlackHoleProxy, type BlackHoleProxy } from './support/blackHoleProxy.ts';
import { startHaven, type RunningHaven } from './support/haven.ts';

/** The server pings every second here, so a silent socket is noticed within two seconds. */
const PING_SECONDS = 1;
let haven: RunningHaven;
let browser: Browser;
let proxy: BlackHoleProxy;
beforeAll(async () => {
  [haven, browser] = await Promise.all([
    startHaven({ HAVEN_LIVE_PING_SECONDS: String(PING_SECONDS) }),
    launchChromium({ fakeMedia: true }),
  ]);
  proxy = await startBlackHoleProxy({ host: '127.0.0.1', port: Number(new URL(haven.url).port) });
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await haven?.close();
});

const roomIdOf = (client: MatchedClient) => client.care.roomId!;
const composer = (page: Page) => page.getByLabel(/^Message to /);
const focusedId = (page: Page) => page.evaluate<string | undefined>('document.activeElement?.id');
/** The text of every message shown, top to bottom. */
const shownTexts = (page: Page) => page.locator('.room__log .message:not(.message--pending) .message__text').allTextContents();

it('a client writes and records a voice message; the provider sees both live, listens and replies; the client sees the reply and that it was read', async () => {
  const rosa = await insertProvider(haven.app.context.db, { firstName: 'Rosa', lastName: 'Alvarez', states: ['NV'] });
  const providerCookie = await signInAsProvider(haven.app, rosa.id);
  const dana = await matchedClient(haven, 'Dana', { state: 'NV', timeZone: 'America/Los_Angeles' });
  const eli = await matchedClient(haven, 'Eli', { state: 'NV', timeZone: 'America/Los_Angeles' });
  expect(dana.care.current?.provider.id).toBe(rosa.id);
  expect(eli.care.current?.provider.id).toBe(rosa.id);

  // Eli wrote ten days ago and is still waiting: his reply is overdue, and comes first even though
  // Dana matched first and writes last.
  const waiting = await sendThroughApi(haven, eli.cookie, roomIdOf(eli), 'Are you there?');
  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
  await haven.app.context.db.updateTable('messages').set({ sent_at: tenDaysAgo }).where('id', '=', waiting.id).execute();

  const provider = await pageWithSession(browser, haven, providerCookie);
  await provider.goto(`${haven.url}/provider/inbox`);
  await provider.getByRole('link', { name: 'Dana' }).waitFor();
  await provider.getByRole('link', { name: 'Dana' }).click();
  await provider.waitForURL(`**/provider/rooms/${roomIdOf(dana)}`);
  await expect.poll(() => provider.getByRole('heading', { level: 1 }).textContent()).toBe('Room with Dana');
  await expect.poll(() => provider.getByText('No messages yet.').isVisible()).toBe(true);
  await expectAccessible(provider);

  const client = await pageWithSession(browser, haven, dana.cookie);
  await client.goto(`${haven.url}/care`);
  await client.getByRole('link', { name: 'Open your therapy room' }).click();
  await client.waitForURL('**/room');
  await composer(client).waitFor();
  expect(await client.getByRole('heading', { level: 2, name: 'Rosa Alvarez' }).isVisible()).toBe(true);
  expect(await client.getByRole('main').textContent()).toContain('Haven is not for emergencies');
  await expectAccessible(client);

  // Text: Enter sends, Shift+Enter is a new line; markup is shown as written, emphasis as emphasis.
  await composer(client).fill('This week was **hard**.');
  await composer(client).press('Shift+Enter');
  await composer(client).pressSequentially('<b>not bold</b> see https://example.org/sleep');
  await composer(client).press('Enter');
  await expect.poll(() => composer(client).inputValue()).toBe('');
  expect(await focusedId(client)).toBe('composer-text');

  const providerLog = provider.getByRole('log');
  await expect.poll(() => providerLog.getByText('<b>not bold</b>', { exact: false }).isVisible()).toBe(true);
  expect(await providerLog.locator('strong').first().textContent()).toBe('hard');
  const link = providerLog.getByRole('link', { name: 'https://example.org/sleep' });
  expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  expect(await link.getAttribute('target')).toBe('_blank');

  // Voice: record with the fake microphone, stop, listen back, send.
  await client.getByRole('button', { name: 'Record voice' }).click();
  await expect.poll(() => client.getByRole('button', { name: 'Stop recording' }).isVisible()).toBe(true);
  expect(await client.getByRole('status').filter({ hasText: 'Recording started' }).count()).toBe(1);
  expect(await client.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('Stop recording');
  await client.waitForTimeout(1_500);
  await client.getByRole('button', { name: 'Stop recording' }).click();
  await expect.poll(() => client.getByRole('button', { name: 'Send recording' }).isVisible()).toBe(true);
  expect(await client.getByLabel('Your voice message').count()).toBe(1);
  await expectAccessible(client);
  await client.getByRole('button', { name: 'Send recording' }).click();
  await expect.poll(() => focusedId(client)).toBe('composer-text');

  // The provider's open room shows the voice message without a reload, and it plays.
  const voice = providerLog.locator('audio');
  await expect.poll(() => voice.count()).toBe(1);
  expect(await providerLog.getByText(/^Voice message, 0:0[12]$/).isVisible()).toBe(true);
  const src = await voice.getAttribute('src');
  const media = await provider.evaluate(async (url) => {
    const response = await fetch(url, { headers: { range: 'bytes=0-99' } });
    return { status: response.status, type: response.headers.get('content-type'), bytes: (await response.arrayBuffer()).byteLength };
  }, src!);
  expect(media).toEqual({ status: 206, type: 'audio/webm', bytes: 100 });
  await expect.poll(() => voice.evaluate((audio) => (audio as unknown as { readyState: number }).readyState)).toBeGreaterThanOrEqual(1);

  // The inbox: Eli's overdue reply first, then Dana's, whose messages arrived last.
  await provider.getByRole('link', { name: 'Inbox' }).click();
  await provider.waitForURL('**/provider/inbox');
  await expect.poll(() => provider.locator('.inbox__name').allTextContents()).toEqual(['Eli', 'Dana']);
  const [eliRow, danaRow] = await provider.locator('.inbox__room').allTextContents();
  expect(eliRow).toContain('Overdue');
  expect(danaRow).toMatch(/Reply by/);
  expect(danaRow).not.toContain('Overdue');
  await expectAccessible(provider);

  await provider.getByRole('link', { name: 'Dana' }).click();
  // While the provider writes, the client sees that they are typing.
  await composer(provider).pressSequentially('Thank you for telling me.', { delay: 80 });
  await expect.poll(() => client.getByRole('status').filter({ hasText: 'Rosa is typing…' }).isVisible()).toBe(true);
  await composer(provider).pressSequentially(' Let us look at sleep first.');
  await composer(provider).press('Enter');

  // The reply arrives live; the client's open room reads it, and the provider sees "Read".
  const clientLog = client.getByRole('log');
  await expect.poll(() => clientLog.getByText('Let us look at sleep first.').isVisible()).toBe(true);
  await expect.poll(() => provider.locator('.message--mine .message__mark').allTextContents()).toEqual(['Read']);
  // And the client sees that their voice message was read.
  await expect.poll(() => client.locator('.message--mine .message__mark').allTextContents()).toEqual(['Read']);
  expect(await shownTexts(client)).toEqual([
    'This week was hard.<b>not bold</b> see https://example.org/sleep',
    'Thank you for telling me. Let us look at sleep first.',
  ]);

  // Star a message and find it under "Starred".
  await client.getByRole('button', { name: /^Star message from Rosa Alvarez/ }).click();
  await client.getByRole('button', { name: 'Starred' }).click();
  await expect.poll(() => shownTexts(client)).toEqual(['Thank you for telling me. Let us look at sleep first.']);
  await expectAccessible(client);
  await client.reload();
  await client.getByRole('button', { name: 'Starred' }).click();
  await expect.poll(() => shownTexts(client)).toEqual(['Thank you for telling me. Let us look at sleep first.']);

  await provider.context().close();
  await client.context().close();
});

it('after the socket drops mid-conversation, every message sent meanwhile appears exactly once, in order', async () => {
  const tomas = await insertProvider(haven.app.context.db, { firstName: 'Tomás', lastName: 'Reyes', states: ['OR'] });
  const providerCookie = await signInAsProvider(haven.app, tomas.id);
  const mei = await matchedClient(haven, 'Mei', { state: 'OR', timeZone: 'America/Los_Angeles' });
  const roomId = roomIdOf(mei);

  const client = await pageWithSession(browser, haven, mei.cookie, { viewport: { width: 390, height: 844 } });
  // Every live socket goes through this route, which can drop it and refuse new ones.
  let reachable = true;
  const sockets: WebSocketRoute[] = [];
  await client.routeWebSocket(/\/api\/live$/, (socket) => {
    if (!reachable) return socket.close({ code: 1012, reason: 'Pretend outage' });
    socket.connectToServer();
    sockets.push(socket);
  });
  await client.goto(`${haven.url}/room`);
  await composer(client).waitFor();
  await expectAccessible(client);

  await composer(client).fill('Hello, are you around today?');
  await composer(client).press('Enter');
  await sendThroughApi(haven, providerCookie, roomId, 'Yes, I am here.');
  await expect.poll(() => shownTexts(client)).toEqual(['Hello, are you around today?', 'Yes, I am here.']);

  reachable = false;
  await Promise.all(sockets.map((socket) => socket.close({ code: 1012, reason: 'Pretend outage' })));
  await expect.poll(() => client.getByRole('status').filter({ hasText: 'Connection lost' }).isVisible()).toBe(true);
  const missed = ['One thing first.', 'Then a second thing.', 'And a third.'];
  for (const text of missed) await sendThroughApi(haven, providerCookie, roomId, text);
  await composer(client).fill('I am on a train, the signal is bad');
  await composer(client).press('Enter');
  await client.waitForTimeout(1_500);
  expect(await shownTexts(client)).not.toContain('Then a second thing.');

  reachable = true;
  const everything = ['Hello, are you around today?', 'Yes, I am here.', ...missed, 'I am on a train, the signal is bad'];
  await expect.poll(() => shownTexts(client), { timeout: 20_000 }).toEqual(everything);
  await expect.poll(() => client.getByRole('status').filter({ hasText: 'Connection lost' }).count()).toBe(0);

  // Live again: the next message comes once, and the whole conversation is still each message once.
  await sendThroughApi(haven, providerCookie, roomId, 'Good to have you back.');
  await expect.poll(() => shownTexts(client)).toEqual([...everything, 'Good to have you back.']);
  const seqs = await client
    .locator('.room__log .message[data-seq]')
    .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-seq'))));
  expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7]);
  await expectAccessible(client);
  await client.context().close();
});

it('when the network goes silent without a close, the room notices within two pings, reconnects, and shows every message sent meanwhile once, in order', async () => {
  const ines = await insertProvider(haven.app.context.db, { firstName: 'Inés', lastName: 'Ortega', states: ['UT'] });
  const providerCookie = await signInAsProvider(haven.app, ines.id);
  const sam = await matchedClient(haven, 'Sam', { state: 'UT', timeZone: 'America/Denver' });
  const roomId = roomIdOf(sam);
  const samId = (await haven.app.http.inject({ method: 'GET', url: '/api/me', headers: { cookie: sam.cookie } })).json<{
    user: { id: string };
  }>().user.id;
  const connectionLost = (page: Page) => page.getByRole('status').filter({ hasText: 'Connection lost' });

  // The page, its API calls and its live socket all go through a TCP proxy that can black-hole them.
  const client = await pageWithSession(browser, haven, sam.cookie);
  await client.goto(`${proxy.url}/room`);
  await composer(client).waitFor();
  await sendThroughApi(haven, providerCookie, roomId, 'How did the week go?');
  await expect.poll(() => shownTexts(client)).toEqual(['How did the week go?']);
  expect(await haven.app.context.presence.isOnline(samId)).toBe(true);

  // No byte passes either way and nothing is closed: the browser is told nothing.
  proxy.cut();
  const cutAt = Date.now();
  const missed = ['I hope it went better.', 'Remember the breathing exercise.', 'Write when you can.'];
  for (const text of missed) await sendThroughApi(haven, providerCookie, roomId, text);
  await expect.poll(() => connectionLost(client).isVisible(), { timeout: 2 * PING_SECONDS * 1000 + 3_000, interval: 100 }).toBe(true);
  const noticedAfterMs = Date.now() - cutAt;
  expect(noticedAfterMs).toBeLessThan(2 * PING_SECONDS * 1000 + 1_500);
  expect(await shownTexts(client)).toEqual(['How did the week go?']);
  // The server stopped hearing pongs and dropped the socket: Sam no longer counts as online.
  await expect.poll(() => haven.app.context.presence.isOnline(samId), { timeout: 5_000 }).toBe(false);

  // The network comes back: the page reconnects by itself and resumes from the last message it holds.
  proxy.restore();
  const everything = ['How did the week go?', ...missed];
  await expect.poll(() => shownTexts(client), { timeout: 30_000 }).toEqual(everything);
  await expect.poll(() => connectionLost(client).count()).toBe(0);
  expect(await haven.app.context.presence.isOnline(samId)).toBe(true);
  await sendThroughApi(haven, providerCookie, roomId, 'Good to have you back.');
  await expect.poll(() => shownTexts(client)).toEqual([...everything, 'Good to have you back.']);
  const seqs = await client
    .locator('.room__log .message[data-seq]')
    .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-seq'))));
  expect(seqs).toEqual([1, 2, 3, 4, 5]);
  await client.context().close();
});
