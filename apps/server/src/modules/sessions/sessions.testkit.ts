// Shared by the live-session integration tests: real accounts through the real API. A client
// signs up, completes the intake on an EAP code with a few credits (easy to count) and is matched
// with a provider written straight into the database, licensed in a state no other test uses.
import type { CoverageState, IntakeAnswers, LiveSession, Notifications } from '@haven/contract';
import { instantToZonedParts } from '@haven/domain';
import { expect } from 'vitest';
import { drainEvents } from '../../testing/events.ts';
import { aMatchedClient } from '../../testing/clients.ts';
import { messagingAndVideo } from '../../testing/factories.ts';
import type { Haven } from '../../testing/harness.ts';
import { aProvider, type TestProvider } from '../../testing/network.ts';
import { anEapCode } from '../../testing/partners.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

type Method = 'GET' | 'POST' | 'PUT';

export type ProviderSetup = TestProvider & {
  bufferMinutes?: number;
  sessionLengths?: number[];
  autoConfirm?: boolean;
};

export type Kit = ReturnType<typeof testKit>;

export function testKit(haven: Haven) {
  const db = () => haven.db;
  const call = (method: Method, url: string, cookie?: string, payload?: unknown) => haven.as(cookie).request(method, url, payload);

  /** A provider (Chicago) licensed in `states`, with the booking settings asked for. */
  async function provider(
    setup: ProviderSetup & { states: string[] },
  ): Promise<{ id: string; name: string; cookie: string; userId: string }> {
    const { bufferMinutes, sessionLengths, autoConfirm, ...rest } = setup;
    const created = await aProvider(haven, { weekly: EVERY_DAY, ...rest });
    await db()
      .updateTable('providers')
      .set({ buffer_minutes: bufferMinutes ?? 10, session_lengths: sessionLengths ?? [50], auto_confirm: autoConfirm ?? true })
      .where('id', '=', created.id)
      .execute();
    return created;
  }

  /** A client in `state` who completes the intake on an EAP code and is matched at once. */
  async function client(state: string, options: { credits?: number; timeZone?: string; expectProvider?: string } = {}) {
    const code = await anEapCode(haven, options.credits ?? 5);
    const matched = await aMatchedClient(
      haven,
      {
        state: state as IntakeAnswers['state'],
        dateOfBirth: '1988-04-12',
        timeZone: options.timeZone ?? 'America/New_York',
        preferences: messagingAndVideo,
        coverage: { kind: 'eap', code },
      },
      { expectProvider: options.expectProvider },
    );
    return { cookie: matched.cookie, userId: matched.userId, name: matched.signUp.preferredName, roomId: matched.roomId };
  }

  const credits = async (cookie: string): Promise<number> => {
    const state = (await call('GET', '/api/coverage', cookie)).json<CoverageState>();
    if (state.coverage?.kind !== 'eap') throw new Error('expected EAP coverage');
    return state.coverage.creditsLeft;
  };

  const options = (cookie: string, from: Date, to: Date, length?: number) =>
    call('GET', `/api/sessions/options?from=${from.toISOString()}&to=${to.toISOString()}${length ? `&length=${length}` : ''}`, cookie);

  const book = (cookie: string, start: string, more: { lengthMinutes?: number; modality?: string; recurrence?: unknown } = {}) =>
    call('POST', '/api/sessions', cookie, {
      start,
      lengthMinutes: more.lengthMinutes ?? 50,
      modality: more.modality ?? 'video',
      acceptedCostCents: 0,
      recurrence: more.recurrence ?? null,
    });

  /** Books one session and returns it, failing the test on anything but 201. */
  async function bookOne(cookie: string, start: string, more: { lengthMinutes?: number; modality?: string } = {}): Promise<LiveSession> {
    const booked = await book(cookie, start, more);
    expect(booked.statusCode, booked.body).toBe(201);
    return booked.json<{ sessions: LiveSession[] }>().sessions[0]!;
  }

  /** The first open slot at least `after` ahead, for the client's provider. */
  async function slotAfter(cookie: string, afterMs: number, days = 5): Promise<{ start: string; end: string }> {
    const from = new Date(Date.now() + afterMs);
    const response = await options(cookie, from, new Date(from.getTime() + days * DAY));
    expect(response.statusCode, response.body).toBe(200);
    const slot = response.json<{ slots: Array<{ start: string; end: string }> }>().slots[0];
    if (!slot) throw new Error('no open slot');
    return slot;
  }

  const session = async (cookie: string, id: string) => {
    const response = await call('GET', `/api/sessions/${id}`, cookie);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<LiveSession>();
  };

  /** Moves a session in the database, keeping its length. */
  async function moveTo(id: string, startsAt: Date, lengthMinutes = 50): Promise<void> {
    await db()
      .updateTable('live_sessions')
      .set({ starts_at: startsAt, ends_at: new Date(startsAt.getTime() + lengthMinutes * MINUTE) })
      .where('id', '=', id)
      .execute();
  }

  /** The ledger's entries for one session, oldest first: reserve, then return or spend. */
  const ledgerOf = async (sessionId: string) =>
    (await db().selectFrom('ledger_entries').select(['kind', 'amount']).where('ref_id', '=', sessionId).orderBy('seq').execute()).map(
      (e) => `${e.kind} ${e.amount}`,
    );

  // The bell is written by the worker's event handlers: run them first, as the worker would.
  const notices = async (cookie: string) => {
    await drainEvents(haven.app.context);
    return (await call('GET', '/api/notifications', cookie)).json<Notifications>().items;
  };
  const noticesAbout = async (cookie: string, sessionId: string) =>
    (await notices(cookie)).filter((n) => n.sessionId === sessionId).map((n) => n.text);

  return {
    db,
    call,
    provider,
    client,
    credits,
    options,
    book,
    bookOne,
    slotAfter,
    session,
    moveTo,
    ledgerOf,
    notices,
    noticesAbout,
  };
}

/** Wall-clock date, time and weekday of an ISO instant in a zone. */
export const localOf = (iso: string, zone: string) => instantToZonedParts(new Date(iso), zone);
