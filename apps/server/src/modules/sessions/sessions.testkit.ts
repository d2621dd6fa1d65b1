// Shared by the live-session integration tests: real accounts through the real API. A client
// signs up, completes the intake on an EAP code with a few credits (easy to count) and is matched
// with a provider written straight into the database, licensed in a state no other test uses.
import { consentVersions, type CareState, type CoverageState, type LiveSession, type Notifications } from '@haven/contract';
import { instantToZonedParts } from '@haven/domain';
import { expect } from 'vitest';
import { drainEvents } from '../../testing/events.ts';
import { aSignUp } from '../../testing/factories.ts';
import { insertProvider, signInAsProvider, type TestProvider } from '../../testing/network.ts';
import { sessionCookieFrom, type TestApp } from '../../testing/test-app.ts';

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

export function testKit(app: () => TestApp, admin: () => string) {
  const db = () => app().context.db;
  const call = (method: Method, url: string, cookie?: string, payload?: unknown) =>
    app().http.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });

  async function eapCode(sessions: number): Promise<string> {
    const code = `T${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
    const partner = await call('POST', '/api/admin/partners/eap', admin(), {
      name: `Org ${code}`,
      sessionsPerClient: sessions,
      endsOn: '2099-12-31',
    });
    expect(partner.statusCode, partner.body).toBe(201);
    const created = await call('POST', `/api/admin/partners/eap/${partner.json<{ id: string }>().id}/codes`, admin(), { code });
    expect(created.statusCode, created.body).toBe(201);
    return code;
  }

  /** A provider (Chicago) licensed in `states`, with the booking settings asked for. */
  async function provider(
    setup: ProviderSetup & { states: string[] },
  ): Promise<{ id: string; name: string; cookie: string; userId: string }> {
    const inserted = await insertProvider(db(), { weekly: EVERY_DAY, ...setup });
    await db()
      .updateTable('providers')
      .set({
        buffer_minutes: setup.bufferMinutes ?? 10,
        session_lengths: setup.sessionLengths ?? [50],
        auto_confirm: setup.autoConfirm ?? true,
      })
      .where('id', '=', inserted.id)
      .execute();
    const cookie = await signInAsProvider(app(), inserted.id);
    const row = await db().selectFrom('providers').select('user_id').where('id', '=', inserted.id).executeTakeFirstOrThrow();
    return { ...inserted, cookie, userId: row.user_id! };
  }

  /** A client in `state` who completes the intake on an EAP code and is matched at once. */
  async function client(state: string, options: { credits?: number; timeZone?: string; expectProvider?: string } = {}) {
    const signUp = aSignUp();
    const response = await call('POST', '/api/auth/sign-up', undefined, signUp);
    const cookie = sessionCookieFrom(response.headers['set-cookie']);
    const code = await eapCode(options.credits ?? 5);
    const answers = {
      state,
      dateOfBirth: '1988-04-12',
      timeZone: options.timeZone ?? 'America/New_York',
      requiredLanguages: ['en'],
      focusAreas: ['anxiety'],
      preferences: { providerGender: null, approaches: [], careFormat: 'both', liveModality: 'video', preferredTimes: [] },
      phq9: { items: [0, 0, 0, 0, 0, 0, 0, 0, 0], difficulty: null },
      gad7: { items: [0, 0, 0, 0, 0, 0, 0] },
      coverage: { kind: 'eap', code },
      consent: { telehealthVersion: consentVersions.telehealth, privacyVersion: consentVersions.privacy },
    };
    const saved = await call('PUT', '/api/intake', cookie, { step: 'consent', answers });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await call('POST', '/api/intake/submit', cookie, {});
    expect(submitted.statusCode, submitted.body).toBe(201);
    const care = submitted.json<CareState>();
    if (options.expectProvider) expect(care.current?.provider.id).toBe(options.expectProvider);
    const user = await db().selectFrom('users').select('id').where('email', '=', signUp.email.toLowerCase()).executeTakeFirstOrThrow();
    return { cookie, userId: user.id, name: signUp.preferredName, roomId: care.roomId! };
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
    await drainEvents(app().context);
    return (await call('GET', '/api/notifications', cookie)).json<Notifications>().items;
  };
  const noticesAbout = async (cookie: string, sessionId: string) =>
    (await notices(cookie)).filter((n) => n.sessionId === sessionId).map((n) => n.text);

  return {
    db,
    call,
    eapCode,
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
