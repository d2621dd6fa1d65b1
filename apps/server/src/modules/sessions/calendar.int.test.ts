import { ProviderCalendar } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/database.ts';
import { insertClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { insertLiveSession } from '../../testing/live-sessions.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';
import { signIn } from '../../testing/test-app.ts';

const haven = useTestApp();
const db = (): Db => haven.db;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
type Status = 'requested' | 'booked' | 'cancelled' | 'completed';

/** A client with an account and a room, signed in. */
async function aClient(preferredName = 'Jordan Lee'): Promise<{ id: string; roomId: string; cookie: string }> {
  const client = await insertClient(db(), { preferredName, timeZone: 'America/New_York' });
  return { id: client.id, roomId: client.roomId, cookie: await signIn(haven.app, { email: client.email, password: client.password }) };
}

const aSession = (client: { id: string; roomId: string }, providerId: string, startsAt: Date, status: Status = 'booked') =>
  insertLiveSession(db(), { clientId: client.id, providerId, roomId: client.roomId, startsAt, status });

const get = (url: string, cookie: string) => haven.as(cookie).get(url);
const calendarUrl = (from: string, to: string) => `/api/provider/calendar?${new URLSearchParams({ from, to }).toString()}`;
/** RFC 5545 §3.1: a CRLF followed by a space continues the line before it. */
const unfold = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

describe('the provider calendar', () => {
  it('shows the provider’s own sessions, whatever became of them, over their published hours and time off', async () => {
    const ana = await insertProvider(db(), { firstName: 'Ana' });
    const other = await insertProvider(db(), { firstName: 'Ben' });
    const anaCookie = await signInAsProvider(haven.app, ana.id);
    const client = await aClient();
    // Monday 2 March 2026 in Chicago (CST, UTC-6); the week ends before Monday 9 March.
    const booked = await aSession(client, ana.id, new Date('2026-03-02T15:00:00Z'));
    const requested = await aSession(client, ana.id, new Date('2026-03-03T16:00:00Z'), 'requested');
    const cancelled = await aSession(client, ana.id, new Date('2026-03-04T17:00:00Z'), 'cancelled');
    await aSession(client, ana.id, new Date('2026-03-09T16:00:00Z')); // the next week
    await aSession(await aClient('Sam'), other.id, new Date('2026-03-02T15:00:00Z'));
    await db()
      .insertInto('time_off')
      .values({
        provider_id: ana.id,
        starts_at: new Date('2026-03-05T06:00:00Z'),
        ends_at: new Date('2026-03-06T06:00:00Z'),
        note: 'Conference',
      })
      .execute();

    const response = await get(calendarUrl('2026-03-02T06:00:00Z', '2026-03-09T05:00:00Z'), anaCookie);
    expect(response.statusCode).toBe(200);
    const calendar = ProviderCalendar.parse(response.json());
    expect(calendar.timeZone).toBe('America/Chicago');
    expect(calendar.autoConfirm).toBe(true);
    expect(calendar.sessions.map((s) => [s.id, s.status])).toEqual([
      [booked, 'booked'],
      [requested, 'requested'],
      [cancelled, 'cancelled'],
    ]);
    expect(calendar.sessions.every((s) => s.providerId === ana.id && s.clientName === 'Jordan Lee')).toBe(true);
    // Weekdays 09:00–17:00 in Chicago, as instants.
    expect(calendar.available).toEqual(
      ['02', '03', '04', '05', '06'].map((day) => ({ start: `2026-03-${day}T15:00:00.000Z`, end: `2026-03-${day}T23:00:00.000Z` })),
    );
    expect(calendar.timeOff).toEqual([{ start: '2026-03-05T06:00:00.000Z', end: '2026-03-06T06:00:00.000Z', note: 'Conference' }]);
  });

  it('is only for providers, and refuses a range longer than 42 days with a plain message', async () => {
    const provider = await insertProvider(db());
    const cookie = await signInAsProvider(haven.app, provider.id);
    const from = new Date('2026-03-01T00:00:00Z');
    const longest = await get(calendarUrl(from.toISOString(), new Date(from.getTime() + 42 * DAY).toISOString()), cookie);
    expect(longest.statusCode).toBe(200);
    const tooLong = await get(calendarUrl(from.toISOString(), new Date(from.getTime() + 42 * DAY + MINUTE).toISOString()), cookie);
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json()).toMatchObject({
      error: { code: 'range_too_long', message: 'Ask for at most 42 days of your calendar at once.' },
    });
    const backwards = await get(calendarUrl('2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z'), cookie);
    expect(backwards.statusCode).toBe(400);

    const client = await aClient();
    expect((await get(calendarUrl('2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z'), client.cookie)).statusCode).toBe(403);
  });
});

describe('calendar files', () => {
  it('gives either party a valid .ics naming the other by first name, and anyone else a 404', async () => {
    const provider = await insertProvider(db(), { firstName: 'Ana', lastName: 'Díaz' });
    const providerCookie = await signInAsProvider(haven.app, provider.id);
    const client = await aClient('Jordan Lee');
    const sessionId = await aSession(client, provider.id, new Date('2026-12-07T15:00:00Z'), 'requested');

    const asClient = await get(`/api/sessions/${sessionId}/calendar.ics`, client.cookie);
    expect(asClient.statusCode).toBe(200);
    expect(asClient.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(asClient.headers['content-disposition']).toBe('attachment; filename="haven-session-2026-12-07.ics"');
    const text = asClient.body;
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = text.split('\r\n');
    expect(physical.every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    expect(physical.some((line) => line.startsWith(' '))).toBe(true); // the description is long enough to fold
    const lines = unfold(text);
    const url = `${haven.app.config.publicUrl}/sessions/${sessionId}`;
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'METHOD:PUBLISH',
        `UID:${sessionId}@haven`,
        'DTSTART:20261207T150000Z',
        'DTEND:20261207T155000Z',
        'SUMMARY:Haven session with Ana',
        `DESCRIPTION:Video session\\, 50 minutes.\\nWaiting for your provider to confirm.\\nJoin from Haven: ${url}`,
        `URL:${url}`,
        'STATUS:TENTATIVE',
        'SEQUENCE:0',
        'END:VCALENDAR',
      ]),
    );
    expect(text).not.toContain('Díaz');

    const asProvider = await get(`/api/sessions/${sessionId}/calendar.ics`, providerCookie);
    expect(asProvider.statusCode).toBe(200);
    expect(unfold(asProvider.body)).toContain('SUMMARY:Haven session with Jordan');

    const stranger = await aClient('Sam');
    expect((await get(`/api/sessions/${sessionId}/calendar.ics`, stranger.cookie)).statusCode).toBe(404);
    const otherProvider = await signInAsProvider(haven.app, (await insertProvider(db())).id);
    expect((await get(`/api/sessions/${sessionId}/calendar.ics`, otherProvider)).statusCode).toBe(404);
    expect((await haven.signedOut.get(`/api/sessions/${sessionId}/calendar.ics`)).statusCode).toBe(401);
  });

  it('asks calendars to remove a cancelled session', async () => {
    const provider = await insertProvider(db());
    const client = await aClient();
    const sessionId = await aSession(client, provider.id, new Date('2026-12-08T15:00:00Z'), 'cancelled');
    const lines = unfold((await get(`/api/sessions/${sessionId}/calendar.ics`, client.cookie)).body);
    expect(lines).toEqual(expect.arrayContaining(['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:2']));
  });

  it('puts every upcoming session that holds its time in one file', async () => {
    const provider = await insertProvider(db());
    const client = await aClient();
    const soon = (days: number) => new Date(Math.ceil(Date.now() / DAY + days) * DAY + 15 * 60 * MINUTE);
    const booked = await aSession(client, provider.id, soon(2));
    const requested = await aSession(client, provider.id, soon(3), 'requested');
    const cancelled = await aSession(client, provider.id, soon(4), 'cancelled');
    const past = await aSession(client, provider.id, new Date(Date.now() - 3 * DAY), 'completed');

    const response = await get('/api/sessions/calendar.ics', client.cookie);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="haven-sessions.ics"');
    const uids = unfold(response.body).filter((line) => line.startsWith('UID:'));
    expect(uids).toEqual([`UID:${booked}@haven`, `UID:${requested}@haven`]);
    expect(response.body).not.toContain(cancelled);
    expect(response.body).not.toContain(past);
  });
});
