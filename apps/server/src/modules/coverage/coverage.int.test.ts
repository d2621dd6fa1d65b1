import {
  consentVersions,
  type BookedLiveSessions,
  type BookingOptions,
  type CareState,
  type CoverageChoice,
  type CoverageState,
  type IntakeAnswers,
  type LiveSession,
  type LiveSessionList,
  type UsStateCode,
} from '@haven/contract';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSignUp } from '../../testing/factories.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';
import { sessionCookieFrom, signInAsNewAdmin, startTestApp, type TestApp } from '../../testing/test-app.ts';
import { renewCoverages } from './coverage.service.ts';

let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = await startTestApp();
  admin = await signInAsNewAdmin(app);
});
afterAll(async () => {
  await app?.close();
});

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: unknown) =>
  app.http.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });
const DAY = 86_400_000;
const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));

async function newClient(): Promise<string> {
  const response = await call('POST', '/api/auth/sign-up', undefined, aSignUp());
  return sessionCookieFrom(response.headers['set-cookie']);
}

function intake(state: string, coverage: CoverageChoice): IntakeAnswers {
  return {
    state: state as IntakeAnswers['state'],
    dateOfBirth: '1985-06-02',
    timeZone: 'America/Chicago',
    requiredLanguages: ['en'],
    focusAreas: ['anxiety'],
    preferences: { providerGender: null, approaches: [], careFormat: 'both', liveModality: 'video', preferredTimes: [] },
    phq9: { items: [0, 0, 0, 0, 0, 0, 0, 0, 0], difficulty: null },
    gad7: { items: [0, 0, 0, 0, 0, 0, 0] },
    coverage,
    consent: { telehealthVersion: consentVersions.telehealth, privacyVersion: consentVersions.privacy },
  };
}

/** A client matched with a provider (open all week, no notice) in `state`, on `coverage`. */
async function matchedClient(state: UsStateCode, coverage: CoverageChoice) {
  const provider = await insertProvider(app.context.db, { states: [state], weekly: ALL_WEEK, capacity: 60 });
  const cookie = await newClient();
  const saved = await call('PUT', '/api/intake', cookie, { step: 'consent', answers: intake(state, coverage) });
  expect(saved.statusCode, saved.body).toBe(200);
  const submitted = await call('POST', '/api/intake/submit', cookie, {});
  expect(submitted.statusCode, submitted.body).toBe(201);
  return { cookie, provider, care: submitted.json<CareState>() };
}

async function eapCode(sessions: number, endsOn = '2099-12-31'): Promise<string> {
  const code = `T${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  const partner = await call('POST', '/api/admin/partners/eap', admin, { name: `Org ${code}`, sessionsPerClient: sessions, endsOn });
  expect(partner.statusCode, partner.body).toBe(201);
  expect((await call('POST', `/api/admin/partners/eap/${partner.json().id}/codes`, admin, { code })).statusCode).toBe(201);
  return code;
}

const coverageOf = async (cookie: string) => (await call('GET', '/api/coverage', cookie)).json<CoverageState>();
const creditsLeft = async (cookie: string) => {
  const state = await coverageOf(cookie);
  if (state.coverage?.kind === 'eap') return state.coverage.creditsLeft;
  if (state.coverage?.kind === 'direct') return state.coverage.liveSessionsLeft;
  throw new Error('no counted coverage');
};

async function slots(cookie: string, fromMs: number, days = 3): Promise<BookingOptions> {
  const from = new Date(Date.now() + fromMs).toISOString();
  const to = new Date(Date.now() + fromMs + days * DAY).toISOString();
  return (await call('GET', `/api/sessions/options?from=${from}&to=${to}`, cookie)).json<BookingOptions>();
}

const book = (cookie: string, start: string, lengthMinutes: number, acceptedCostCents = 0) =>
  call('POST', '/api/sessions', cookie, { start, lengthMinutes, modality: 'video', acceptedCostCents });
const bookedOf = (response: { json: <T>() => T }) => response.json<BookedLiveSessions>().sessions[0]!;
const cancel = (cookie: string, sessionId: string) => call('POST', `/api/sessions/${sessionId}/cancel`, cookie, {});

describe('EAP coverage', () => {
  it('refuses an unknown, ended or reused code with a reason, and keeps the intake', async () => {
    const cookie = await newClient();
    const unknown = await call('PUT', '/api/intake', cookie, {
      step: 'consent',
      answers: { coverage: { kind: 'eap', code: 'NOPE-0000' } },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'coverage_invalid', issues: [{ field: 'answers.coverage.code' }] });
    const ended = await eapCode(3, '2020-01-01');
    const expired = await call('PUT', '/api/intake', cookie, { step: 'consent', answers: { coverage: { kind: 'eap', code: ended } } });
    expect(expired.json().error.message).toMatch(/ended/);
    const malformed = await call('PUT', '/api/intake', cookie, { step: 'consent', answers: { coverage: { kind: 'eap', code: 'a' } } });
    expect(malformed.statusCode).toBe(400);
  });

  it('counts messaging and live sessions against the credits: start, complete, book, cancel early', async () => {
    const code = await eapCode(3);
    const { cookie, provider } = await matchedClient('KS', { kind: 'eap', code });
    expect(await creditsLeft(cookie)).toBe(3);

    const started = await call('POST', '/api/care/messaging-sessions', cookie, { acceptedCostCents: 0 });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json<CoverageState>().openMessagingSession?.status).toBe('open');
    expect(await creditsLeft(cookie)).toBe(2);
    const twice = await call('POST', '/api/care/messaging-sessions', cookie, { acceptedCostCents: 0 });
    expect(twice.json().error.code).toBe('session_open');
    expect(await creditsLeft(cookie)).toBe(2);

    const providerCookie = await signInAsProvider(app, provider.id);
    const caseload = (await call('GET', '/api/provider/clients', providerCookie)).json();
    const session = caseload.clients[0].openMessagingSession;
    const completed = await call('POST', `/api/provider/messaging-sessions/${session.id}/complete`, providerCookie);
    expect(completed.json().clients[0].openMessagingSession).toBeNull();
    expect((await call('POST', `/api/provider/messaging-sessions/${session.id}/complete`, providerCookie)).statusCode).toBe(409);

    const open = await slots(cookie, 2 * DAY);
    const booked = await book(cookie, open.slots[0]!.start, open.lengthMinutes);
    expect(booked.statusCode, booked.body).toBe(201);
    expect(await creditsLeft(cookie)).toBe(1);
    const sessionId = bookedOf(booked).id;
    expect(bookedOf(booked).freeChange).toBe(true);
    const cancelled = await cancel(cookie, sessionId);
    expect(cancelled.json<LiveSession>()).toMatchObject({ status: 'cancelled', outcome: 'cancelled_early', cancelledBy: 'client' });
    expect(await creditsLeft(cookie)).toBe(2);
    expect((await cancel(cookie, sessionId)).statusCode).toBe(409);

    const ledger = (await coverageOf(cookie)).ledger.map((e) => [e.kind, e.amount]).reverse();
    expect(ledger).toEqual([
      ['grant', 3],
      ['spend', -1],
      ['reserve', -1],
      ['return', 1],
    ]);
  });

  it('refuses to overdraw: no credits left means no booking, and says what to do instead', async () => {
    const code = await eapCode(1);
    const { cookie } = await matchedClient('KY', { kind: 'eap', code });
    const open = await slots(cookie, 2 * DAY);
    expect((await book(cookie, open.slots[0]!.start, open.lengthMinutes)).statusCode).toBe(201);
    const refused = await book(cookie, open.slots[3]!.start, open.lengthMinutes);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'no_credits' });
    expect(refused.json().error.message).toMatch(/health plan or a monthly plan/);
    expect((await call('POST', '/api/care/messaging-sessions', cookie, { acceptedCostCents: 0 })).json().error.code).toBe('no_credits');
  });

  it('spends a late cancellation and a no-show, returns a provider no-show', async () => {
    const code = await eapCode(5);
    const { cookie, provider } = await matchedClient('IA', { kind: 'eap', code });
    const soon = await slots(cookie, 2 * 3_600_000, 1);
    const late = await book(cookie, soon.slots[0]!.start, soon.lengthMinutes);
    const lateId = bookedOf(late).id;
    expect(bookedOf(late).freeChange).toBe(false);
    await cancel(cookie, lateId);
    expect(await creditsLeft(cookie)).toBe(4);

    // Two sessions that have already started, so the provider can record what happened.
    const db = app.context.db;
    const providerCookie = await signInAsProvider(app, provider.id);
    for (const outcome of ['client_no_show', 'provider_no_show'] as const) {
      const open = await slots(cookie, 2 * DAY);
      const id = bookedOf(await book(cookie, open.slots[0]!.start, open.lengthMinutes)).id;
      expect((await call('POST', `/api/provider/sessions/${id}/outcome`, providerCookie, { outcome })).statusCode).toBe(409);
      await db
        .updateTable('live_sessions')
        .set({ starts_at: new Date(Date.now() - 3_600_000), ends_at: new Date(Date.now() - 600_000) })
        .where('id', '=', id)
        .execute();
      expect((await call('POST', `/api/provider/sessions/${id}/outcome`, providerCookie, { outcome })).statusCode).toBe(200);
    }
    expect(await creditsLeft(cookie)).toBe(3); // 5 − late cancel − client no-show
  });
});

describe('direct plans', () => {
  it('bills the first month, grants live sessions that do not roll over, and changes plan at the next period', async () => {
    const { cookie } = await matchedClient('NE', { kind: 'direct', plan: 'messaging_live' });
    const state = await coverageOf(cookie);
    expect(state).toMatchObject({
      messaging: 'continuous',
      live: true,
      coverage: { kind: 'direct', plan: 'messaging_live', liveSessionsLeft: 4, status: 'active' },
    });
    expect(state.invoices).toEqual([expect.objectContaining({ amountCents: 36_000, status: 'paid' })]);
    expect(state.invoices[0]!.receipt).toMatch(/local reference/);
    expect((await call('POST', '/api/care/messaging-sessions', cookie, { acceptedCostCents: 0 })).json().error.code).toBe('not_in_plan');

    const changed = (await call('POST', '/api/coverage/plan', cookie, { to: 'messaging' })).json<CoverageState>();
    const period = changed.coverage?.kind === 'direct' ? changed.coverage : null;
    expect(period?.pendingChange).toEqual({ to: 'messaging', effectiveOn: period?.periodEnd });
    expect(period?.plan).toBe('messaging_live');

    // Renewal on the first day of the next period: the change applies, the new month is billed once.
    const next = new Date(`${period!.periodEnd}T12:00:00Z`);
    await renewCoverages(app.context.db, app.context.payments, next);
    await renewCoverages(app.context.db, app.context.payments, next);
    const { clientId } = (await call('GET', '/api/admin/clients', admin)).json<{ clients: Array<{ clientId: string }> }>().clients[0]!;
    expect(clientId).toBeDefined();
    const after = await coverageOf(cookie);
    expect(after.coverage).toMatchObject({ plan: 'messaging' });
    expect(after.invoices.map((i) => i.amountCents)).toEqual([26_000, 36_000]);
  });

  it('refuses live sessions on a messaging plan, and resumes a paused plan at once', async () => {
    const { cookie } = await matchedClient('OK', { kind: 'direct', plan: 'messaging' });
    const open = await slots(cookie, 2 * DAY);
    expect((await book(cookie, open.slots[0]!.start, open.lengthMinutes)).json().error.code).toBe('not_in_plan');
    const paused = (await call('POST', '/api/coverage/plan', cookie, { to: 'pause' })).json<CoverageState>();
    expect(paused.coverage).toMatchObject({ status: 'active', pendingChange: { to: 'pause' } });
    const resumed = (await call('POST', '/api/coverage/plan', cookie, { to: 'resume' })).json<CoverageState>();
    expect(resumed.coverage).toMatchObject({ status: 'active', pendingChange: null });
  });
});

describe('health plans', () => {
  it('checks eligibility, shows the copay, and bills it only once the client accepts that amount', async () => {
    const payerId = `P${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
    const plans = (
      await call('POST', '/api/admin/partners/health-plans', admin, { name: 'Prairie Health', payerId, sessionRateCents: 12_000 })
    ).json();
    const healthPlanId = plans.healthPlans.find((p: { payerId: string }) => p.payerId === payerId).id as string;
    const cookie = await newClient();
    const ineligible = await call('PUT', '/api/intake', cookie, {
      step: 'consent',
      answers: { coverage: { kind: 'health_plan', healthPlanId, memberId: 'ABC12340' } },
    });
    expect(ineligible.json().error).toMatchObject({ code: 'coverage_invalid', issues: [{ field: 'answers.coverage.memberId' }] });

    const { cookie: member } = await matchedClient('AR', { kind: 'health_plan', healthPlanId, memberId: 'XYZ55552' });
    const state = await coverageOf(member);
    expect(state.estimate).toMatchObject({ costCents: 2_500, uses: 'health_plan_visit' });
    expect(state.coverage).toMatchObject({ kind: 'health_plan', memberIdEnding: '5552', copayCents: 2_500 });
    const wrong = await call('POST', '/api/care/messaging-sessions', member, { acceptedCostCents: 0 });
    expect(wrong.json().error.code).toBe('estimate_changed');
    expect((await call('POST', '/api/care/messaging-sessions', member, { acceptedCostCents: 2_500 })).statusCode).toBe(201);
    expect((await coverageOf(member)).invoices).toEqual([
      expect.objectContaining({ amountCents: 2_500, description: expect.stringMatching(/Messaging session/) }),
    ]);
  });
});

describe('switching coverage', () => {
  it('moves from a used-up EAP to a monthly plan without losing the room or the provider', async () => {
    const code = await eapCode(1);
    const { cookie, care } = await matchedClient('MS', { kind: 'eap', code });
    await call('POST', '/api/care/messaging-sessions', cookie, { acceptedCostCents: 0 });
    const moved = await call('POST', '/api/coverage', cookie, { coverage: { kind: 'direct', plan: 'messaging' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<CoverageState>()).toMatchObject({
      coverage: { kind: 'direct' },
      messaging: 'continuous',
      providerAcceptsCoverage: true,
    });
    const after = (await call('GET', '/api/care', cookie)).json<CareState>();
    expect(after.roomId).toBe(care.roomId);
    expect(after.current?.assignmentId).toBe(care.current?.assignmentId);
    const reuse = await call('POST', '/api/coverage', cookie, { coverage: { kind: 'eap', code } });
    expect(reuse.json().error.code).toBe('coverage_invalid');
  });
});

describe('the ledger', () => {
  it('never overdraws under concurrent bookings: exactly the credits granted succeed', async () => {
    const code = await eapCode(3);
    const { cookie } = await matchedClient('WV', { kind: 'eap', code });
    const open = await slots(cookie, 2 * DAY, 4);
    expect(open.slots.length).toBeGreaterThanOrEqual(50);
    const attempts = await Promise.all(open.slots.slice(0, 50).map((slot) => book(cookie, slot.start, open.lengthMinutes)));
    expect(attempts.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(attempts.filter((r) => r.statusCode !== 201).every((r) => r.json().error.code === 'no_credits')).toBe(true);
    const state = await coverageOf(cookie);
    expect(state.coverage).toMatchObject({ creditsLeft: 0 });
    expect(state.ledger.reduce((sum, entry) => sum + entry.amount, 0)).toBe(0);
  });

  it('balance always equals the sum of its rows and never goes below zero, whatever the client does', async () => {
    const code = await eapCode(2);
    const { cookie } = await matchedClient('ID', { kind: 'eap', code });
    const open = await slots(cookie, 2 * DAY, 6);
    let next = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('book', 'cancel'), { minLength: 1, maxLength: 8 }), async (actions) => {
        for (const action of actions) {
          if (action === 'book') await book(cookie, open.slots[next++ % open.slots.length]!.start, open.lengthMinutes);
          else {
            const booked = (await call('GET', '/api/sessions', cookie)).json<LiveSessionList>().upcoming;
            if (booked[0]) await cancel(cookie, booked[0].id);
          }
          const state = await coverageOf(cookie);
          const left = state.coverage?.kind === 'eap' ? state.coverage.creditsLeft : -1;
          expect(left).toBe(state.ledger.reduce((sum, entry) => sum + entry.amount, 0));
          expect(left).toBeGreaterThanOrEqual(0);
          const booked = (await call('GET', '/api/sessions', cookie)).json<LiveSessionList>().upcoming.length;
          expect(left + booked).toBe(2);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('refuses to be edited', async () => {
    await expect(app.context.db.updateTable('ledger_entries').set({ amount: 99 }).execute()).rejects.toThrow(/append-only/);
  });
});
