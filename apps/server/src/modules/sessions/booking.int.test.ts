// Booking live sessions through the real API with real accounts (PRODUCT §2.5): open times, the
// refusals, weekly series, the provider's confirmation, cancelling and moving with the ledger's
// rules, strangers, and one slot under twenty concurrent attempts on PostgreSQL.
import type { BookingOptions, CoverageState, LiveSession } from '@haven/contract';
import { addDays, zonedWallTimeToInstant } from '@haven/domain';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../platform/config.ts';
import { useTestApp } from '../../testing/harness.ts';
import { DAY, HOUR, localOf, MINUTE, testKit } from './sessions.testkit.ts';

const haven = useTestApp({ admin: true });
const kit = testKit(haven);
const { call, db } = kit;
const CHICAGO = 'America/Chicago';
type Slot = { start: string; end: string };

/** Every slot lies in the provider's hours (09:00–17:00 Chicago), after the notice, clear of sessions by the buffer. */
function expectRespected(slots: Slot[], rules: { length: number; earliest: number; buffer: number; taken: LiveSession[] }): void {
  for (const slot of slots) {
    const [start, end] = [new Date(slot.start).getTime(), new Date(slot.end).getTime()];
    expect(end - start).toBe(rules.length * MINUTE);
    expect(start).toBeGreaterThanOrEqual(rules.earliest);
    const [from, to] = [localOf(slot.start, CHICAGO), localOf(slot.end, CHICAGO)];
    expect(from.date).toBe(to.date);
    expect(from.time >= '09:00' && to.time <= '17:00', `${slot.start} is ${from.time}–${to.time} in Chicago`).toBe(true);
    for (const s of rules.taken) {
      const clear =
        end + rules.buffer * MINUTE <= new Date(s.startsAt).getTime() || new Date(s.endsAt).getTime() + rules.buffer * MINUTE <= start;
      expect(clear, `${slot.start} is within ${rules.buffer} minutes of ${s.startsAt}`).toBe(true);
    }
  }
}

const sessionsOf = async (cookie: string) =>
  (await call('GET', '/api/sessions', cookie)).json<{ upcoming: LiveSession[]; past: LiveSession[] }>();
const rowsOfProvider = (providerId: string) => db().selectFrom('live_sessions').selectAll().where('provider_id', '=', providerId).execute();
/** `days` after today in Chicago, at a wall time there. */
const chicagoAt = (days: number, time: string) =>
  zonedWallTimeToInstant(addDays(localOf(new Date().toISOString(), CHICAGO).date, days), time, CHICAGO)!.toISOString();

describe('open times and booking', () => {
  it('offers slots in the provider’s hours after their notice, books one, reserves its credit, and refuses the same slot again', async () => {
    const provider = await kit.provider({ states: ['KS'], minNoticeHours: 48, sessionLengths: [30, 50] });
    const client = await kit.client('KS', { expectProvider: provider.id });
    const now = Date.now();
    const offered = (await kit.options(client.cookie, new Date(now), new Date(now + 7 * DAY))).json<BookingOptions>();
    expect(offered).toMatchObject({
      providerId: provider.id,
      providerName: provider.name,
      lengths: [30, 50],
      lengthMinutes: 50,
      modalities: ['video'],
      minNoticeHours: 48,
      needsConfirmation: false,
    });
    expect(offered.slots.length).toBeGreaterThanOrEqual(30); // about 5 days of 8 slots
    expectRespected(offered.slots, { length: 50, earliest: now + 48 * HOUR, buffer: 10, taken: [] });
    const thirty = (await kit.options(client.cookie, new Date(now), new Date(now + 7 * DAY), 30)).json<BookingOptions>();
    expect(thirty.lengthMinutes).toBe(30);
    expectRespected(thirty.slots, { length: 30, earliest: now + 48 * HOUR, buffer: 10, taken: [] });

    // Away from the notice edge, so the two readings compare exactly.
    const stableFrom = new Date(now + 50 * HOUR);
    const stableTo = new Date(now + 7 * DAY);
    const before = (await kit.options(client.cookie, stableFrom, stableTo)).json<BookingOptions>().slots;
    const chosen = before[3]!;
    expect(await kit.credits(client.cookie)).toBe(5);
    const response = await kit.book(client.cookie, chosen.start);
    expect(response.statusCode, response.body).toBe(201);
    const [booked] = response.json<{ sessions: LiveSession[] }>().sessions;
    expect(booked).toMatchObject({
      providerId: provider.id,
      startsAt: chosen.start,
      endsAt: chosen.end,
      lengthMinutes: 50,
      modality: 'video',
      currentModality: 'video',
      status: 'booked',
      outcome: null,
      seriesId: null,
      costCents: 0,
      freeChange: true,
      joinable: false,
    });
    expect(await kit.credits(client.cookie)).toBe(4);
    expect(await kit.ledgerOf(booked!.id)).toEqual(['reserve -1']);
    expect((await sessionsOf(client.cookie)).upcoming.map((s) => s.id)).toEqual([booked!.id]);
    expect((await sessionsOf(provider.cookie)).upcoming.map((s) => s.id)).toEqual([booked!.id]);
    expect(await kit.session(client.cookie, booked!.id)).toEqual(booked);
    expect(await kit.noticesAbout(provider.cookie, booked!.id)).toEqual([expect.stringMatching(/booked a video session on/)]);

    // The booking takes its slot and nothing else (the grid keeps the 10-minute buffer already).
    const after = (await kit.options(client.cookie, stableFrom, stableTo)).json<BookingOptions>().slots;
    expect(after).toEqual(before.filter((s) => s.start !== chosen.start));
    // A longer buffer keeps its neighbours away too.
    await db().updateTable('providers').set({ buffer_minutes: 30 }).where('id', '=', provider.id).execute();
    const buffered = (await kit.options(client.cookie, stableFrom, stableTo)).json<BookingOptions>().slots;
    expectRespected(buffered, { length: 50, earliest: now, buffer: 30, taken: [booked!] });
    expect(buffered.length).toBeGreaterThan(20);
    await db().updateTable('providers').set({ buffer_minutes: 10 }).where('id', '=', provider.id).execute();

    // The same slot again, by the same client or another of the provider's clients: taken, nothing reserved.
    const other = await kit.client('KS', { expectProvider: provider.id });
    for (const cookie of [client.cookie, other.cookie]) {
      const again = await kit.book(cookie, chosen.start);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('slot_taken');
    }
    expect(await kit.credits(client.cookie)).toBe(4);
    expect(await kit.credits(other.cookie)).toBe(5);
    expect(await rowsOfProvider(provider.id)).toHaveLength(1);
  });

  it('refuses the past, a length or modality not offered, too little notice and hours not kept, reserving nothing', async () => {
    const provider = await kit.provider({ states: ['NE'], minNoticeHours: 48, sessionLengths: [30, 50] });
    const client = await kit.client('NE', { expectProvider: provider.id });
    const open = await kit.slotAfter(client.cookie, 3 * DAY);

    const past = await kit.book(client.cookie, new Date(Date.now() - HOUR).toISOString());
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({
      code: 'validation_failed',
      issues: [{ field: 'start', message: expect.stringMatching(/passed/) }],
    });

    const length = await kit.book(client.cookie, open.start, { lengthMinutes: 45 });
    expect(length.statusCode).toBe(400);
    expect(length.json().error).toMatchObject({ code: 'validation_failed', issues: [{ field: 'lengthMinutes' }] });
    expect(length.json().error.message).toContain('30, 50-minute sessions');

    const modality = await kit.book(client.cookie, open.start, { modality: 'audio' });
    expect(modality.statusCode).toBe(400);
    expect(modality.json().error).toMatchObject({ code: 'validation_failed', issues: [{ field: 'modality' }] });
    expect(modality.json().error.message).toMatch(/offers video sessions/);

    // Noon tomorrow is in the hours but inside the 48 hours' notice; 3 AM in four days is outside the hours.
    for (const start of [chicagoAt(1, '12:00'), chicagoAt(4, '03:00')]) {
      const refused = await kit.book(client.cookie, start);
      expect(refused.statusCode, start).toBe(409);
      expect(refused.json().error.code).toBe('slot_taken');
    }
    expect(await kit.credits(client.cookie)).toBe(5);
    expect(await rowsOfProvider(provider.id)).toEqual([]);
    expect((await kit.book(client.cookie, open.start)).statusCode).toBe(201); // the same request, put right, is fine
  });

  it('books nothing at all when a series needs more credits than are left', async () => {
    const provider = await kit.provider({ states: ['SD'] });
    const client = await kit.client('SD', { credits: 2, expectProvider: provider.id });
    const open = await kit.slotAfter(client.cookie, 2 * DAY);
    const refused = await kit.book(client.cookie, open.start, { recurrence: { everyWeeks: 1, count: 3 } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('no_credits');
    expect(await kit.credits(client.cookie)).toBe(2);
    expect(await rowsOfProvider(provider.id)).toEqual([]);
    expect((await call('GET', '/api/coverage', client.cookie)).json<CoverageState>().ledger.map((e) => e.kind)).toEqual(['grant']);
    const two = await kit.book(client.cookie, open.start, { recurrence: { everyWeeks: 1, count: 2 } });
    expect(two.statusCode, two.body).toBe(201);
    expect(await kit.credits(client.cookie)).toBe(0);
    const more = await kit.book(client.cookie, (await kit.slotAfter(client.cookie, 4 * DAY)).start);
    expect(more.json().error.code).toBe('no_credits');
  });

  it('books a weekly series of 4 sharing a series id, 7 days apart at the same wall time in the client’s zone', async () => {
    const provider = await kit.provider({ states: ['IA'] });
    const client = await kit.client('IA', { timeZone: 'America/New_York', expectProvider: provider.id });
    const open = await kit.slotAfter(client.cookie, 3 * DAY);
    const response = await kit.book(client.cookie, open.start, { recurrence: { everyWeeks: 1, count: 4 } });
    expect(response.statusCode, response.body).toBe(201);
    const series = response.json<{ sessions: LiveSession[] }>().sessions;
    expect(series).toHaveLength(4);
    const seriesId = series[0]!.seriesId;
    expect(seriesId).toMatch(/^[0-9a-f-]{36}$/);
    const first = localOf(open.start, 'America/New_York');
    series.forEach((s, index) => {
      expect(s).toMatchObject({ seriesId, status: 'booked', lengthMinutes: 50 });
      expect(localOf(s.startsAt, 'America/New_York')).toEqual({ ...first, date: addDays(first.date, 7 * index) });
    });
    expect(await kit.credits(client.cookie)).toBe(1);
    for (const s of series) expect(await kit.ledgerOf(s.id)).toEqual(['reserve -1']);
  });
});

describe('the provider confirms', () => {
  it('holds bookings as requests until confirmed; a declined one is returned; the client hears of each', async () => {
    const provider = await kit.provider({ states: ['NM'] });
    const client = await kit.client('NM', { expectProvider: provider.id });
    const saved = await call('PUT', '/api/provider/session-settings', provider.cookie, { autoConfirm: false });
    expect(saved.json()).toEqual({ autoConfirm: false });
    expect((await call('GET', '/api/provider/session-settings', provider.cookie)).json()).toEqual({ autoConfirm: false });
    const now = Date.now();
    const offered = (await kit.options(client.cookie, new Date(now + 2 * DAY), new Date(now + 6 * DAY))).json<BookingOptions>();
    expect(offered.needsConfirmation).toBe(true);

    const confirmed = await kit.bookOne(client.cookie, offered.slots[0]!.start);
    const declined = await kit.bookOne(client.cookie, offered.slots[2]!.start);
    expect([confirmed.status, declined.status]).toEqual(['requested', 'requested']);
    expect(await kit.credits(client.cookie)).toBe(3);
    expect(await kit.noticesAbout(provider.cookie, confirmed.id)).toEqual([
      expect.stringMatching(/asked for a video session .* Confirm or decline it\./),
    ]);
    // A requested slot is held: nobody else gets it meanwhile.
    expect(
      (await kit.options(client.cookie, new Date(now + 2 * DAY), new Date(now + 6 * DAY))).json<BookingOptions>().slots.map((s) => s.start),
    ).not.toContain(confirmed.startsAt);

    expect((await call('POST', `/api/sessions/${confirmed.id}/decision`, client.cookie, { decision: 'confirm' })).statusCode).toBe(403);
    const yes = await call('POST', `/api/sessions/${confirmed.id}/decision`, provider.cookie, { decision: 'confirm' });
    expect(yes.json<LiveSession>()).toMatchObject({ status: 'booked', outcome: null });
    const no = await call('POST', `/api/sessions/${declined.id}/decision`, provider.cookie, {
      decision: 'decline',
      reason: 'I am away that day.',
    });
    expect(no.json<LiveSession>()).toMatchObject({
      status: 'cancelled',
      outcome: 'declined',
      cancelledBy: 'provider',
      changeReason: 'I am away that day.',
    });
    expect((await call('POST', `/api/sessions/${confirmed.id}/decision`, provider.cookie, { decision: 'decline' })).statusCode).toBe(409);

    expect(await kit.credits(client.cookie)).toBe(4);
    expect(await kit.ledgerOf(confirmed.id)).toEqual(['reserve -1']);
    expect(await kit.ledgerOf(declined.id)).toEqual(['reserve -1', 'return 1']);
    expect(await kit.noticesAbout(client.cookie, confirmed.id)).toEqual([expect.stringMatching(/confirmed your session on/)]);
    expect(await kit.noticesAbout(client.cookie, declined.id)).toEqual([
      expect.stringMatching(/could not take your session .* returned to you\. They left a note about it\./),
    ]);
    expect((await kit.session(client.cookie, confirmed.id)).status).toBe('booked');
  });
});

describe('cancelling and moving', () => {
  it('returns a cancellation 24 hours ahead, uses a later one, returns the provider’s, and moves a session at no cost', async () => {
    const provider = await kit.provider({ states: ['OK'] });
    const client = await kit.client('OK', { credits: 6, expectProvider: provider.id });
    const slots = (await kit.options(client.cookie, new Date(Date.now() + 2 * DAY), new Date(Date.now() + 6 * DAY))).json<BookingOptions>()
      .slots;
    const booked: LiveSession[] = [];
    for (const i of [0, 2, 4, 6]) booked.push(await kit.bookOne(client.cookie, slots[i]!.start));
    const [early, late, byProvider, moved] = booked;
    expect(await kit.credits(client.cookie)).toBe(2);

    const cancelled = await call('POST', `/api/sessions/${early!.id}/cancel`, client.cookie, { reason: 'Work trip' });
    expect(cancelled.json<LiveSession>()).toMatchObject({
      status: 'cancelled',
      outcome: 'cancelled_early',
      cancelledBy: 'client',
      changeReason: 'Work trip',
    });
    expect(await kit.ledgerOf(early!.id)).toEqual(['reserve -1', 'return 1']);
    expect(await kit.credits(client.cookie)).toBe(3);
    expect(await kit.noticesAbout(provider.cookie, early!.id)).toContainEqual(
      expect.stringMatching(/cancelled the session on .* They left a note about it on your sessions page\./),
    );
    expect((await call('POST', `/api/sessions/${early!.id}/cancel`, client.cookie, {})).statusCode).toBe(409);

    await kit.moveTo(late!.id, new Date(Date.now() + 3 * HOUR));
    expect((await kit.session(client.cookie, late!.id)).freeChange).toBe(false);
    const lateCancel = await call('POST', `/api/sessions/${late!.id}/cancel`, client.cookie, {});
    expect(lateCancel.json<LiveSession>()).toMatchObject({ status: 'cancelled', outcome: 'cancelled_late', cancelledBy: 'client' });
    expect(await kit.ledgerOf(late!.id)).toEqual(['reserve -1', 'spend 0']);
    expect(await kit.credits(client.cookie)).toBe(3);
    expect(await kit.noticesAbout(provider.cookie, late!.id)).toContainEqual(expect.stringMatching(/cancelled the session on/));

    await kit.moveTo(byProvider!.id, new Date(Date.now() + HOUR)); // the provider's cancellation is free however late
    const providerCancel = await call('POST', `/api/sessions/${byProvider!.id}/cancel`, provider.cookie, { reason: 'I am unwell.' });
    expect(providerCancel.json<LiveSession>()).toMatchObject({
      status: 'cancelled',
      outcome: 'cancelled_by_provider',
      cancelledBy: 'provider',
    });
    expect(await kit.ledgerOf(byProvider!.id)).toEqual(['reserve -1', 'return 1']);
    expect(await kit.credits(client.cookie)).toBe(4);
    expect(await kit.noticesAbout(client.cookie, byProvider!.id)).toEqual([
      expect.stringMatching(/cancelled the session on .* They left a note about it on your sessions page\./),
    ]);

    const target = slots[9]!;
    const rescheduled = await call('POST', `/api/sessions/${moved!.id}/reschedule`, client.cookie, {
      start: target.start,
      acceptedCostCents: 0,
    });
    expect(rescheduled.statusCode, rescheduled.body).toBe(200);
    const next = rescheduled.json<LiveSession>();
    expect(next).toMatchObject({
      rescheduledFromId: moved!.id,
      startsAt: target.start,
      status: 'booked',
      modality: 'video',
      lengthMinutes: 50,
    });
    expect(next.id).not.toBe(moved!.id);
    expect(await kit.session(client.cookie, moved!.id)).toMatchObject({
      status: 'cancelled',
      outcome: 'cancelled_early',
      cancelledBy: 'client',
    });
    expect(await kit.ledgerOf(moved!.id)).toEqual(['reserve -1', 'return 1']);
    expect(await kit.ledgerOf(next.id)).toEqual(['reserve -1']);
    expect(await kit.credits(client.cookie)).toBe(4);
    expect(await kit.noticesAbout(provider.cookie, next.id)).toEqual([expect.stringMatching(/moved your session to/)]);
    expect((await sessionsOf(client.cookie)).upcoming.map((s) => s.id)).toEqual([next.id]);
  });
});

describe('moving with nothing left', () => {
  it('moves a session 24 hours ahead on the last credit (returned, then reserved again), and refuses a late move with nothing changed', async () => {
    const provider = await kit.provider({ states: ['ND'] });
    const client = await kit.client('ND', { credits: 1, expectProvider: provider.id });
    const slots = (await kit.options(client.cookie, new Date(Date.now() + 2 * DAY), new Date(Date.now() + 6 * DAY))).json<BookingOptions>()
      .slots;
    const first = await kit.bookOne(client.cookie, slots[0]!.start);
    expect(await kit.credits(client.cookie)).toBe(0);
    const moved = await call('POST', `/api/sessions/${first.id}/reschedule`, client.cookie, {
      start: slots[5]!.start,
      acceptedCostCents: 0,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const second = moved.json<LiveSession>();
    expect(await kit.credits(client.cookie)).toBe(0);

    // Less than 24 hours ahead the old session is used, so the new one has nothing to draw on: all or nothing.
    await kit.moveTo(second.id, new Date(Date.now() + 5 * HOUR));
    const late = await call('POST', `/api/sessions/${second.id}/reschedule`, client.cookie, {
      start: slots[8]!.start,
      acceptedCostCents: 0,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('no_credits');
    expect(await kit.session(client.cookie, second.id)).toMatchObject({ status: 'booked', outcome: null });
    expect(await kit.ledgerOf(second.id)).toEqual(['reserve -1']);
    expect(await rowsOfProvider(provider.id)).toHaveLength(2);
  });

  it('moves a session at its own length after the provider stops offering that length', async () => {
    const provider = await kit.provider({ states: ['NM'] });
    const client = await kit.client('NM', { credits: 2, expectProvider: provider.id });
    const session = await kit.bookOne(client.cookie, (await kit.slotAfter(client.cookie, 2 * DAY)).start);
    await db()
      .updateTable('providers')
      .set({ session_lengths: [30] })
      .where('id', '=', provider.id)
      .execute();
    const range = `from=${new Date(Date.now() + 3 * DAY).toISOString()}&to=${new Date(Date.now() + 6 * DAY).toISOString()}`;
    const options = await call('GET', `/api/sessions/${session.id}/options?${range}`, client.cookie);
    expect(options.statusCode, options.body).toBe(200);
    const target = options.json<BookingOptions>();
    expect(target.lengthMinutes).toBe(session.lengthMinutes);
    const moved = await call('POST', `/api/sessions/${session.id}/reschedule`, client.cookie, {
      start: target.slots[0]!.start,
      acceptedCostCents: 0,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<LiveSession>()).toMatchObject({ lengthMinutes: session.lengthMinutes, rescheduledFromId: session.id });
  });
});

describe('someone else’s session', () => {
  it('does not exist for another client or another provider, on every route', async () => {
    const provider = await kit.provider({ states: ['OR'] });
    const client = await kit.client('OR', { expectProvider: provider.id });
    const session = await kit.bookOne(client.cookie, (await kit.slotAfter(client.cookie, 2 * DAY)).start);
    const elsewhere = await kit.provider({ states: ['WA'] });
    const stranger = await kit.client('WA', { expectProvider: elsewhere.id });
    const later = (await kit.slotAfter(client.cookie, 4 * DAY)).start;
    const range = `from=${new Date().toISOString()}&to=${new Date(Date.now() + 5 * DAY).toISOString()}`;
    const routes: Array<['GET' | 'POST', string, unknown?]> = [
      ['GET', `/api/sessions/${session.id}`],
      ['GET', `/api/sessions/${session.id}/options?${range}`],
      ['GET', `/api/sessions/${session.id}/calendar.ics`],
      ['POST', `/api/sessions/${session.id}/reschedule`, { start: later, acceptedCostCents: 0 }],
      ['POST', `/api/sessions/${session.id}/cancel`, {}],
      ['POST', `/api/sessions/${session.id}/join`, { locationState: 'OR' }],
      ['POST', `/api/sessions/${session.id}/modality`, { modality: 'audio' }],
      ['POST', `/api/sessions/${session.id}/end`, {}],
      ['POST', `/api/sessions/${session.id}/decision`, { decision: 'decline' }],
    ];
    for (const cookie of [stranger.cookie, elsewhere.cookie]) {
      for (const [method, url, payload] of routes) {
        const response = await call(method, url, cookie, payload);
        // Confirming is the provider's alone: a client is refused by role before any session is looked up.
        const expected = cookie === stranger.cookie && url.endsWith('/decision') ? 403 : 404;
        expect(response.statusCode, `${method} ${url}`).toBe(expected);
      }
      expect((await sessionsOf(cookie)).upcoming).toEqual([]);
    }
    expect(await kit.session(client.cookie, session.id)).toEqual(session);
    expect(await kit.credits(client.cookie)).toBe(4);
  });
});

describe('one slot, many clients', () => {
  it.skipIf(!testDatabaseUrl())(
    '20 concurrent bookings of one slot: one succeeds, 19 are told it is taken (PostgreSQL only: PGlite has one connection)',
    { timeout: 180_000 },
    async () => {
      const provider = await kit.provider({ states: ['WV'], capacity: 30 });
      const clients = [];
      for (let i = 0; i < 20; i++) clients.push(await kit.client('WV', { credits: 3, expectProvider: provider.id }));
      const slot = await kit.slotAfter(clients[0]!.cookie, 2 * DAY);
      const responses = await Promise.all(clients.map((c) => kit.book(c.cookie, slot.start)));
      const won = responses.filter((r) => r.statusCode === 201);
      const lost = responses.filter((r) => r.statusCode !== 201);
      expect(won).toHaveLength(1);
      expect(lost.map((r) => [r.statusCode, r.json<{ error: { code: string } }>().error.code])).toEqual(
        Array.from({ length: 19 }, () => [409, 'slot_taken']),
      );
      const open = await db()
        .selectFrom('live_sessions')
        .select('id')
        .where('provider_id', '=', provider.id)
        .where('starts_at', '=', new Date(slot.start))
        .where('status', 'in', ['requested', 'booked'])
        .execute();
      expect(open).toEqual([{ id: won[0]!.json<{ sessions: LiveSession[] }>().sessions[0]!.id }]);
      const balances = await Promise.all(clients.map((c) => kit.credits(c.cookie)));
      expect(balances.sort()).toEqual([2, ...Array.from({ length: 19 }, () => 3)]);
    },
  );

  it.skipIf(!testDatabaseUrl())(
    '20 concurrent bookings of overlapping slots of two lengths: exactly one is booked (PostgreSQL only: PGlite has one connection)',
    { timeout: 180_000 },
    async () => {
      const provider = await kit.provider({ states: ['MT'], capacity: 30, sessionLengths: [30, 50] });
      const clients = [];
      for (let i = 0; i < 20; i++) clients.push(await kit.client('MT', { credits: 3, expectProvider: provider.id }));
      // 50 minutes from 10:00 and 30 minutes from 10:20 (the 30-minute grid is 09:00, 09:40, 10:20…): different starts, one overlap.
      const long = chicagoAt(3, '10:00');
      const short = chicagoAt(3, '10:20');
      const responses = await Promise.all(
        clients.map((c, i) => (i % 2 ? kit.book(c.cookie, short, { lengthMinutes: 30 }) : kit.book(c.cookie, long))),
      );
      expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(responses.filter((r) => r.statusCode !== 201).map((r) => r.json<{ error: { code: string } }>().error.code)).toEqual(
        Array.from({ length: 19 }, () => 'slot_taken'),
      );
      const open = (await rowsOfProvider(provider.id)).filter((s) => s.status === 'booked');
      expect(open).toHaveLength(1);
      expect((await Promise.all(clients.map((c) => kit.credits(c.cookie)))).reduce((sum, n) => sum + n, 0)).toBe(20 * 3 - 1);
    },
  );
});
