import type {
  BookedLiveSessions,
  BookingOptions,
  CareState,
  CoverageChoice,
  CoverageState,
  LiveSession,
  LiveSessionList,
  UsStateCode,
} from '@haven/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aMatchedClient, aSignedUpClient } from '../../testing/clients.ts';
import { messagingAndVideo } from '../../testing/factories.ts';
import { useTestApp } from '../../testing/harness.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';
import { anEapCode } from '../../testing/partners.ts';
import { renewCoverages } from './coverage.service.ts';

const haven = useTestApp({ admin: true });
const DAY = 86_400_000;
const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
const newClient = async () => (await aSignedUpClient(haven)).cookie;

/** A client matched with a provider (open all week, no notice) in `state`, on `coverage`. */
async function matchedClient(state: UsStateCode, coverage: CoverageChoice) {
  const provider = await insertProvider(haven.db, { states: [state], weekly: ALL_WEEK, capacity: 60 });
  const { cookie, care } = await aMatchedClient(haven, { state, preferences: messagingAndVideo, coverage });
  return { cookie, provider, care };
}

const coverageOf = async (cookie: string) => (await haven.as(cookie).get('/api/coverage')).json<CoverageState>();
const creditsLeft = async (cookie: string) => {
  const state = await coverageOf(cookie);
  if (state.coverage?.kind === 'eap') return state.coverage.creditsLeft;
  if (state.coverage?.kind === 'direct') return state.coverage.liveSessionsLeft;
  throw new Error('no counted coverage');
};

async function slots(cookie: string, fromMs: number, days = 3): Promise<BookingOptions> {
  const from = new Date(Date.now() + fromMs).toISOString();
  const to = new Date(Date.now() + fromMs + days * DAY).toISOString();
  return (await haven.as(cookie).get(`/api/sessions/options?from=${from}&to=${to}`)).json<BookingOptions>();
}

const book = (cookie: string, start: string, lengthMinutes: number, acceptedCostCents = 0) =>
  haven.as(cookie).post('/api/sessions', { start, lengthMinutes, modality: 'video', acceptedCostCents });
const bookedOf = (response: { json: <T>() => T }) => response.json<BookedLiveSessions>().sessions[0]!;
const cancel = (cookie: string, sessionId: string) => haven.as(cookie).post(`/api/sessions/${sessionId}/cancel`, {});

describe('EAP coverage', () => {
  it('refuses an unknown, ended or reused code with a reason, and keeps the intake', async () => {
    const cookie = await newClient();
    const unknown = await haven.as(cookie).put('/api/intake', {
      step: 'consent',
      answers: { coverage: { kind: 'eap', code: 'NOPE-0000' } },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'coverage_invalid', issues: [{ field: 'answers.coverage.code' }] });
    const ended = await anEapCode(haven, 3, '2020-01-01');
    const expired = await haven.as(cookie).put('/api/intake', { step: 'consent', answers: { coverage: { kind: 'eap', code: ended } } });
    expect(expired.json().error.message).toMatch(/ended/);
    const malformed = await haven.as(cookie).put('/api/intake', { step: 'consent', answers: { coverage: { kind: 'eap', code: 'a' } } });
    expect(malformed.statusCode).toBe(400);
  });

  it('counts messaging and live sessions against the credits: start, complete, book, cancel early', async () => {
    const code = await anEapCode(haven, 3);
    const { cookie, provider } = await matchedClient('KS', { kind: 'eap', code });
    expect(await creditsLeft(cookie)).toBe(3);

    const started = await haven.as(cookie).post('/api/care/messaging-sessions', { acceptedCostCents: 0 });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json<CoverageState>().openMessagingSession?.status).toBe('open');
    expect(await creditsLeft(cookie)).toBe(2);
    const twice = await haven.as(cookie).post('/api/care/messaging-sessions', { acceptedCostCents: 0 });
    expect(twice.json().error.code).toBe('session_open');
    expect(await creditsLeft(cookie)).toBe(2);

    const providerCookie = await signInAsProvider(haven.app, provider.id);
    const caseload = (await haven.as(providerCookie).get('/api/provider/clients')).json();
    const session = caseload.clients[0].openMessagingSession;
    const completed = await haven.as(providerCookie).post(`/api/provider/messaging-sessions/${session.id}/complete`);
    expect(completed.json().clients[0].openMessagingSession).toBeNull();
    expect((await haven.as(providerCookie).post(`/api/provider/messaging-sessions/${session.id}/complete`)).statusCode).toBe(409);

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
    const code = await anEapCode(haven, 1);
    const { cookie } = await matchedClient('KY', { kind: 'eap', code });
    const open = await slots(cookie, 2 * DAY);
    expect((await book(cookie, open.slots[0]!.start, open.lengthMinutes)).statusCode).toBe(201);
    const refused = await book(cookie, open.slots[3]!.start, open.lengthMinutes);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'no_credits' });
    expect(refused.json().error.message).toMatch(/health plan or a monthly plan/);
    expect((await haven.as(cookie).post('/api/care/messaging-sessions', { acceptedCostCents: 0 })).json().error.code).toBe('no_credits');
  });

  it('spends a late cancellation and a no-show, returns a provider no-show', async () => {
    const code = await anEapCode(haven, 5);
    const { cookie, provider } = await matchedClient('IA', { kind: 'eap', code });
    const soon = await slots(cookie, 2 * 3_600_000, 1);
    const late = await book(cookie, soon.slots[0]!.start, soon.lengthMinutes);
    const lateId = bookedOf(late).id;
    expect(bookedOf(late).freeChange).toBe(false);
    await cancel(cookie, lateId);
    expect(await creditsLeft(cookie)).toBe(4);

    // Two sessions that have already started, so the provider can record what happened.
    const db = haven.db;
    const providerCookie = await signInAsProvider(haven.app, provider.id);
    for (const outcome of ['client_no_show', 'provider_no_show'] as const) {
      const open = await slots(cookie, 2 * DAY);
      const id = bookedOf(await book(cookie, open.slots[0]!.start, open.lengthMinutes)).id;
      expect((await haven.as(providerCookie).post(`/api/provider/sessions/${id}/outcome`, { outcome })).statusCode).toBe(409);
      await db
        .updateTable('live_sessions')
        .set({ starts_at: new Date(Date.now() - 3_600_000), ends_at: new Date(Date.now() - 600_000) })
        .where('id', '=', id)
        .execute();
      expect((await haven.as(providerCookie).post(`/api/provider/sessions/${id}/outcome`, { outcome })).statusCode).toBe(200);
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
    expect((await haven.as(cookie).post('/api/care/messaging-sessions', { acceptedCostCents: 0 })).json().error.code).toBe('not_in_plan');

    const changed = (await haven.as(cookie).post('/api/coverage/plan', { to: 'messaging' })).json<CoverageState>();
    const period = changed.coverage?.kind === 'direct' ? changed.coverage : null;
    expect(period?.pendingChange).toEqual({ to: 'messaging', effectiveOn: period?.periodEnd });
    expect(period?.plan).toBe('messaging_live');

    // Renewal on the first day of the next period: the change applies, the new month is billed once.
    const next = new Date(`${period!.periodEnd}T12:00:00Z`);
    await renewCoverages(haven.db, haven.app.context.payments, next);
    await renewCoverages(haven.db, haven.app.context.payments, next);
    const { clientId } = (await haven.as(haven.admin).get('/api/admin/clients')).json<{ clients: Array<{ clientId: string }> }>()
      .clients[0]!;
    expect(clientId).toBeDefined();
    const after = await coverageOf(cookie);
    expect(after.coverage).toMatchObject({ plan: 'messaging' });
    expect(after.invoices.map((i) => i.amountCents)).toEqual([26_000, 36_000]);
  });

  it('refuses live sessions on a messaging plan, and resumes a paused plan at once', async () => {
    const { cookie } = await matchedClient('OK', { kind: 'direct', plan: 'messaging' });
    const open = await slots(cookie, 2 * DAY);
    expect((await book(cookie, open.slots[0]!.start, open.lengthMinutes)).json().error.code).toBe('not_in_plan');
    const paused = (await haven.as(cookie).post('/api/coverage/plan', { to: 'pause' })).json<CoverageState>();
    expect(paused.coverage).toMatchObject({ status: 'active', pendingChange: { to: 'pause' } });
    const resumed = (await haven.as(cookie).post('/api/coverage/plan', { to: 'resume' })).json<CoverageState>();
    expect(resumed.coverage).toMatchObject({ status: 'active', pendingChange: null });
  });
});

describe('health plans', () => {
  it('checks eligibility, shows the copay, and bills it only once the client accepts that amount', async () => {
    const payerId = `P${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
    const plans = (
      await haven.as(haven.admin).post('/api/admin/partners/health-plans', { name: 'Prairie Health', payerId, sessionRateCents: 12_000 })
    ).json();
    const healthPlanId = plans.healthPlans.find((p: { payerId: string }) => p.payerId === payerId).id as string;
    const cookie = await newClient();
    const ineligible = await haven.as(cookie).put('/api/intake', {
      step: 'consent',
      answers: { coverage: { kind: 'health_plan', healthPlanId, memberId: 'ABC12340' } },
    });
    expect(ineligible.json().error).toMatchObject({ code: 'coverage_invalid', issues: [{ field: 'answers.coverage.memberId' }] });

    const { cookie: member } = await matchedClient('AR', { kind: 'health_plan', healthPlanId, memberId: 'XYZ55552' });
    const state = await coverageOf(member);
    expect(state.estimate).toMatchObject({ costCents: 2_500, uses: 'health_plan_visit' });
    expect(state.coverage).toMatchObject({ kind: 'health_plan', memberIdEnding: '5552', copayCents: 2_500 });
    const wrong = await haven.as(member).post('/api/care/messaging-sessions', { acceptedCostCents: 0 });
    expect(wrong.json().error.code).toBe('estimate_changed');
    expect((await haven.as(member).post('/api/care/messaging-sessions', { acceptedCostCents: 2_500 })).statusCode).toBe(201);
    expect((await coverageOf(member)).invoices).toEqual([
      expect.objectContaining({ amountCents: 2_500, description: expect.stringMatching(/Messaging session/) }),
    ]);
  });
});

describe('switching coverage', () => {
  it('moves from a used-up EAP to a monthly plan without losing the room or the provider', async () => {
    const code = await anEapCode(haven, 1);
    const { cookie, care } = await matchedClient('MS', { kind: 'eap', code });
    await haven.as(cookie).post('/api/care/messaging-sessions', { acceptedCostCents: 0 });
    const moved = await haven.as(cookie).post('/api/coverage', { coverage: { kind: 'direct', plan: 'messaging' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<CoverageState>()).toMatchObject({
      coverage: { kind: 'direct' },
      messaging: 'continuous',
      providerAcceptsCoverage: true,
    });
    const after = (await haven.as(cookie).get('/api/care')).json<CareState>();
    expect(after.roomId).toBe(care.roomId);
    expect(after.current?.assignmentId).toBe(care.current?.assignmentId);
    const reuse = await haven.as(cookie).post('/api/coverage', { coverage: { kind: 'eap', code } });
    expect(reuse.json().error.code).toBe('coverage_invalid');
  });
});

describe('the ledger', () => {
  it('never overdraws under concurrent bookings: exactly the credits granted succeed', async () => {
    const code = await anEapCode(haven, 3);
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
    const code = await anEapCode(haven, 2);
    const { cookie } = await matchedClient('ID', { kind: 'eap', code });
    const open = await slots(cookie, 2 * DAY, 6);
    let next = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('book', 'cancel'), { minLength: 1, maxLength: 8 }), async (actions) => {
        for (const action of actions) {
          if (action === 'book') await book(cookie, open.slots[next++ % open.slots.length]!.start, open.lengthMinutes);
          else {
            const booked = (await haven.as(cookie).get('/api/sessions')).json<LiveSessionList>().upcoming;
            if (booked[0]) await cancel(cookie, booked[0].id);
          }
          const state = await coverageOf(cookie);
          const left = state.coverage?.kind === 'eap' ? state.coverage.creditsLeft : -1;
          expect(left).toBe(state.ledger.reduce((sum, entry) => sum + entry.amount, 0));
          expect(left).toBeGreaterThanOrEqual(0);
          const booked = (await haven.as(cookie).get('/api/sessions')).json<LiveSessionList>().upcoming.length;
          expect(left + booked).toBe(2);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('refuses to be edited', async () => {
    await expect(haven.db.updateTable('ledger_entries').set({ amount: 99 }).execute()).rejects.toThrow(/append-only/);
  });
});
