// Joining live sessions through the real API (PRODUCT §2.5): the join window, the licence check on
// where the client is, fallbacks and ending, the attendance sweep, and the WebRTC signals relayed
// over the real /api/live socket between the two people booked and nobody else.
import type { JoinResult, LiveSession, ServerFrame, Signal, UsStateCode } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/harness.ts';
import { connectLive } from '../../testing/live-socket.ts';
import { settleAttendance } from './joining.service.ts';
import { DAY, localOf, MINUTE, testKit } from './sessions.testkit.ts';

const ICE = [{ urls: 'stun:stun.haven.example:3478' }, { urls: ['turn:turn.haven.example:3478'], username: 'haven', credential: 'secret' }];
const haven = useTestApp({ env: { HAVEN_ICE_SERVERS: JSON.stringify(ICE) }, admin: true, listen: true });
const kit = testKit(haven);
const { call, db } = kit;
const CHICAGO = 'America/Chicago';

/** A whole minute `minutes` from now. */
const fromNow = (minutes: number) => new Date(Math.floor(Date.now() / MINUTE) * MINUTE + minutes * MINUTE);
const join = (cookie: string, id: string, body: { locationState?: string } = {}) => call('POST', `/api/sessions/${id}/join`, cookie, body);
const rowOf = (id: string) => db().selectFrom('live_sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** A provider in Chicago licensed in two states, and their client (in Chicago too), with one booked session. */
async function bookedPair(states: [UsStateCode, UsStateCode], options: { credits?: number } = {}) {
  const provider = await kit.provider({ states });
  const client = await kit.client(states[0], { timeZone: CHICAGO, credits: options.credits, expectProvider: provider.id });
  const session = await kit.bookOne(client.cookie, (await kit.slotAfter(client.cookie, 2 * DAY)).start);
  return { provider, client, session };
}

/** "9:05 AM", as a person reads the wall clock in Chicago. */
function clockIn(at: Date, zone: string): string {
  const [hour, minute] = localOf(at.toISOString(), zone).time.split(':').map(Number) as [number, number];
  return `${hour % 12 || 12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}

describe('joining', () => {
  it('opens 10 minutes before the start, asks where the client is, and needs the provider licensed there', async () => {
    const { provider, client, session } = await bookedPair(['MO', 'AR']);
    const startsAt = fromNow(30);
    await kit.moveTo(session.id, startsAt);
    const early = await join(client.cookie, session.id, { locationState: 'MO' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('join_not_open');
    const opens = new Date(startsAt.getTime() - 10 * MINUTE);
    expect(early.json().error.message).toMatch(
      new RegExp(
        `^You can join from \\w{3} \\d+ \\w{3} at ${clockIn(opens, CHICAGO)} \\(America/Chicago\\), 10 minutes before the start\\.$`,
      ),
    );
    expect((await join(provider.cookie, session.id)).json().error.code).toBe('join_not_open');
    expect((await kit.session(client.cookie, session.id)).joinOpensAt).toBe(opens.toISOString());

    await kit.moveTo(session.id, fromNow(5));
    expect((await kit.session(client.cookie, session.id)).joinable).toBe(true);
    const nowhere = await join(client.cookie, session.id);
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error).toMatchObject({ code: 'validation_failed', issues: [{ field: 'locationState' }] });
    const unlicensed = await join(client.cookie, session.id, { locationState: 'IL' });
    expect(unlicensed.statusCode).toBe(403);
    expect(unlicensed.json().error.code).toBe('not_licensed_here');
    expect(unlicensed.json().error.message).toContain('is not licensed in IL');
    expect(unlicensed.json().error.message).toContain('(AR, MO)');
    expect(await rowOf(session.id)).toMatchObject({ client_joined_at: null, client_location: null, provider_joined_at: null });
    const audited = await db().selectFrom('audit_events').select('detail').where('action', '=', 'live_session.joined').execute();
    expect(audited.filter((a) => a.detail.sessionId === session.id)).toEqual([]);

    const joined = await join(client.cookie, session.id, { locationState: 'AR' });
    expect(joined.statusCode, joined.body).toBe(200);
    const result = joined.json<JoinResult>();
    expect(result).toMatchObject({ role: 'client', iceServers: ICE, session: { id: session.id, providerJoinedAt: null, joinable: true } });
    expect(result.session.clientJoinedAt).not.toBeNull();
    expect(await rowOf(session.id)).toMatchObject({ client_location: 'AR', provider_joined_at: null });

    const providerJoined = await join(provider.cookie, session.id);
    expect(providerJoined.statusCode, providerJoined.body).toBe(200);
    expect(providerJoined.json<JoinResult>()).toMatchObject({ role: 'provider', iceServers: ICE });
    expect(providerJoined.json<JoinResult>().session.providerJoinedAt).not.toBeNull();
    // Joining again (a reload) keeps the first arrival.
    const again = await join(client.cookie, session.id, { locationState: 'AR' });
    expect(again.json<JoinResult>().session.clientJoinedAt).toBe(result.session.clientJoinedAt);
  });

  it('falls back video → audio → chat in the same session, and either party ends it once both came; the credit is spent', async () => {
    const { provider, client, session } = await bookedPair(['KY', 'OH']);
    await kit.moveTo(session.id, fromNow(2));
    const end = (cookie: string) => call('POST', `/api/sessions/${session.id}/end`, cookie, {});
    expect((await end(client.cookie)).statusCode).toBe(409); // nobody has joined
    expect((await join(client.cookie, session.id, { locationState: 'KY' })).statusCode).toBe(200);
    const alone = await end(client.cookie);
    expect(alone.statusCode).toBe(409);
    expect(alone.json().error.message).toMatch(/not joined yet/);
    expect((await join(provider.cookie, session.id)).statusCode).toBe(200);

    const audio = await call('POST', `/api/sessions/${session.id}/modality`, client.cookie, { modality: 'audio' });
    expect(audio.json<LiveSession>()).toMatchObject({ modality: 'video', currentModality: 'audio' });
    const chat = await call('POST', `/api/sessions/${session.id}/modality`, provider.cookie, { modality: 'chat' });
    expect(chat.json<LiveSession>()).toMatchObject({ modality: 'video', currentModality: 'chat' });
    expect(await kit.session(provider.cookie, session.id)).toMatchObject({ currentModality: 'chat', status: 'booked' });

    const ended = await end(provider.cookie);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<LiveSession>()).toMatchObject({ status: 'completed', outcome: 'completed', joinable: false });
    expect(ended.json<LiveSession>().endedAt).not.toBeNull();
    expect(await kit.ledgerOf(session.id)).toEqual(['reserve -1', 'spend 0']);
    expect(await kit.credits(client.cookie)).toBe(4);
    expect((await end(client.cookie)).statusCode).toBe(409);
    expect((await join(client.cookie, session.id, { locationState: 'KY' })).json().error.code).toBe('join_not_open');
    expect((await call('POST', `/api/sessions/${session.id}/modality`, client.cookie, { modality: 'video' })).statusCode).toBe(409);
  });
});

describe('the attendance sweep', () => {
  it('records no-shows and unanswered requests 10 minutes after the start, with the ledger’s answer, once', async () => {
    const provider = await kit.provider({ states: ['TN', 'GA'] });
    const client = await kit.client('TN', { timeZone: CHICAGO, credits: 5, expectProvider: provider.id });
    const slots = (await kit.options(client.cookie, new Date(Date.now() + 2 * DAY), new Date(Date.now() + 5 * DAY))).json<{
      slots: Array<{ start: string }>;
    }>().slots;
    const providerAbsent = await kit.bookOne(client.cookie, slots[0]!.start);
    const clientAbsent = await kit.bookOne(client.cookie, slots[1]!.start);
    const running = await kit.bookOne(client.cookie, slots[2]!.start);
    await call('PUT', '/api/provider/session-settings', provider.cookie, { autoConfirm: false });
    const unanswered = await kit.bookOne(client.cookie, slots[3]!.start);
    expect(unanswered.status).toBe('requested');
    expect(await kit.credits(client.cookie)).toBe(1);

    // All four started 11–14 minutes ago; each party joins (or not) within the window.
    await kit.moveTo(providerAbsent.id, fromNow(-11));
    await kit.moveTo(clientAbsent.id, fromNow(-12));
    await kit.moveTo(running.id, fromNow(-13));
    await kit.moveTo(unanswered.id, fromNow(-14));
    expect((await join(client.cookie, providerAbsent.id, { locationState: 'TN' })).statusCode).toBe(200);
    expect((await join(provider.cookie, clientAbsent.id)).statusCode).toBe(200);
    expect((await join(client.cookie, running.id, { locationState: 'GA' })).statusCode).toBe(200);
    expect((await join(provider.cookie, running.id)).statusCode).toBe(200);

    const now = new Date();
    expect(await settleAttendance(db(), haven.app.context, now)).toBe(3);
    expect(await kit.session(client.cookie, providerAbsent.id)).toMatchObject({ status: 'cancelled', outcome: 'provider_no_show' });
    expect(await kit.session(client.cookie, clientAbsent.id)).toMatchObject({ status: 'cancelled', outcome: 'client_no_show' });
    expect(await kit.session(client.cookie, unanswered.id)).toMatchObject({ status: 'cancelled', outcome: 'declined' });
    expect(await kit.session(client.cookie, running.id)).toMatchObject({ status: 'booked', outcome: null, joinable: true });
    expect(await kit.ledgerOf(providerAbsent.id)).toEqual(['reserve -1', 'return 1']);
    expect(await kit.ledgerOf(clientAbsent.id)).toEqual(['reserve -1', 'spend 0']);
    expect(await kit.ledgerOf(unanswered.id)).toEqual(['reserve -1', 'return 1']);
    expect(await kit.ledgerOf(running.id)).toEqual(['reserve -1']);
    expect(await kit.credits(client.cookie)).toBe(3);
    expect(await kit.noticesAbout(client.cookie, providerAbsent.id)).toEqual([
      expect.stringMatching(/Your provider did not join .* returned to you/),
    ]);
    expect(await kit.noticesAbout(provider.cookie, providerAbsent.id)).toContainEqual(
      expect.stringMatching(/You did not join the session/),
    );
    expect(await kit.noticesAbout(client.cookie, clientAbsent.id)).toEqual([expect.stringMatching(/You did not join .* counts as used/)]);
    expect(await kit.noticesAbout(client.cookie, unanswered.id)).toEqual([expect.stringMatching(/was not confirmed in time/)]);

    // Run again at the same moment: nothing changes.
    const snapshot = async () => ({
      sessions: await db().selectFrom('live_sessions').selectAll().where('provider_id', '=', provider.id).orderBy('starts_at').execute(),
      ledger: await db().selectFrom('ledger_entries').selectAll().orderBy('seq').execute(),
      notices: await db().selectFrom('notifications').select('id').orderBy('id').execute(),
    });
    const before = await snapshot();
    expect(await settleAttendance(db(), haven.app.context, now)).toBe(0);
    expect(await snapshot()).toEqual(before);
  });
});

// ── Signals over the real socket ────────────────────────────────────────────────────────────

const connect = (cookie: string) => connectLive(haven.baseUrl, cookie);

const ofType =
  <T extends ServerFrame['type']>(type: T) =>
  (f: ServerFrame): f is Extract<ServerFrame, { type: T }> =>
    f.type === type;

describe('signals between the two people booked', () => {
  it('are relayed only after both joined, only between them, and never from someone who has not entered', async () => {
    const { provider, client, session } = await bookedPair(['VA', 'MD']);
    await kit.moveTo(session.id, fromNow(5));
    const sessionId = session.id;
    const [clientTab, providerTab, providerOtherTab] = await Promise.all([
      connect(client.cookie),
      connect(provider.cookie),
      connect(provider.cookie),
    ]);
    const elsewhere = await bookedPair(['DE', 'NJ']);
    const stranger = await connect(elsewhere.client.cookie);
    try {
      clientTab.send({ type: 'session.enter', sessionId });
      expect(await clientTab.next(ofType('error'))).toMatchObject({ code: 'join_not_open' });

      expect((await join(client.cookie, sessionId, { locationState: 'VA' })).statusCode).toBe(200);
      expect((await join(provider.cookie, sessionId)).statusCode).toBe(200);
      clientTab.send({ type: 'session.enter', sessionId });
      expect(await clientTab.next(ofType('session.entered'))).toEqual({
        type: 'session.entered',
        sessionId,
        peerPresent: false,
        polite: true,
      });
      providerTab.send({ type: 'session.enter', sessionId });
      expect(await providerTab.next(ofType('session.entered'))).toEqual({
        type: 'session.entered',
        sessionId,
        peerPresent: false,
        polite: false,
      });
      expect(await clientTab.next(ofType('session.peer'))).toEqual({ type: 'session.peer', sessionId, present: true });
      expect(await providerTab.next(ofType('session.peer'))).toEqual({ type: 'session.peer', sessionId, present: true }); // the client answers the hello

      const offer: Signal = {
        kind: 'description',
        description: { type: 'offer', sdp: 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\n' },
      };
      providerTab.send({ type: 'signal', sessionId, signal: offer });
      expect(await clientTab.next(ofType('signal'))).toEqual({ type: 'signal', sessionId, from: 'provider', signal: offer });
      const answer: Signal = { kind: 'description', description: { type: 'answer', sdp: 'v=0\r\n' } };
      clientTab.send({ type: 'signal', sessionId, signal: answer });
      expect(await providerTab.next(ofType('signal'))).toEqual({ type: 'signal', sessionId, from: 'client', signal: answer });

      // Someone else cannot enter, and nobody who has not entered can send — not even the provider's other tab.
      stranger.send({ type: 'session.enter', sessionId });
      expect(await stranger.next(ofType('error'))).toMatchObject({ code: 'not_found' });
      const intruding: Signal = { kind: 'description', description: { type: 'offer', sdp: 'v=0\r\ns=intruder\r\n' } };
      stranger.send({ type: 'signal', sessionId, signal: intruding });
      expect(await stranger.next(ofType('error'))).toMatchObject({ code: 'forbidden' });
      providerOtherTab.send({ type: 'signal', sessionId, signal: intruding });
      expect(await providerOtherTab.next(ofType('error'))).toMatchObject({ code: 'forbidden' });

      // A marker sent afterwards arrives after anything sent before it would have.
      providerTab.send({ type: 'signal', sessionId, signal: { kind: 'restart' } });
      expect(await clientTab.next((f) => f.type === 'signal' && f.signal.kind === 'restart')).toMatchObject({ from: 'provider' });
      expect(clientTab.frames.filter(ofType('signal')).map((f) => f.signal)).toEqual([offer, { kind: 'restart' }]);
      expect(providerTab.frames.filter(ofType('signal')).map((f) => f.signal)).toEqual([answer]);
      expect([...stranger.frames, ...providerOtherTab.frames].filter(ofType('signal'))).toEqual([]);

      // The session's state reaches both as it changes; leaving is announced.
      clientTab.send({ type: 'session.leave', sessionId });
      expect(await providerTab.next((f) => f.type === 'session.peer' && !f.present)).toEqual({
        type: 'session.peer',
        sessionId,
        present: false,
      });
    } finally {
      for (const tab of [clientTab, providerTab, providerOtherTab, stranger]) tab.socket.close();
    }
  });
});
