import { consentVersions, type CareState, type IntakeAnswers, type IntakeState } from '@haven/contract';
import { hardRuleFailures } from '@haven/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSignUp } from '../../testing/factories.ts';
import { insertProvider } from '../../testing/network.ts';
import { sessionCookieFrom, signInAsNewAdmin, startTestApp, type TestApp } from '../../testing/test-app.ts';
import * as repo from './care.repository.ts';
import { matchClientOf, matchProviderOf } from './matching.ts';
import { drainEvents } from '../../testing/events.ts';
import { runMatchingBatch } from './queue.service.ts';

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

async function newClient(): Promise<string> {
  const response = await call('POST', '/api/auth/sign-up', undefined, aSignUp());
  expect(response.statusCode).toBe(201);
  return sessionCookieFrom(response.headers['set-cookie']);
}

/** Every answer a finished intake has; a Texan who needs Spanish unless told otherwise. */
function answers(overrides: Partial<IntakeAnswers> = {}): IntakeAnswers {
  return {
    state: 'TX',
    dateOfBirth: '1990-04-12',
    timeZone: 'America/Chicago',
    requiredLanguages: ['es'],
    preferredLanguages: [],
    focusAreas: ['anxiety', 'trauma'],
    preferences: { providerGender: null, approaches: [], careFormat: 'messaging', liveModality: null, preferredTimes: ['evening'] },
    phq9: { items: [1, 1, 2, 1, 0, 1, 1, 0, 0], difficulty: 1 },
    gad7: { items: [2, 2, 1, 1, 0, 1, 2] },
    inCrisis: false,
    coverage: { kind: 'direct', plan: 'messaging' },
    consent: { telehealthVersion: consentVersions.telehealth, privacyVersion: consentVersions.privacy },
    ...overrides,
  };
}

async function submitted(cookie: string, intake: IntakeAnswers, firstSession: unknown = null): Promise<CareState> {
  expect((await call('PUT', '/api/intake', cookie, { step: 'consent', answers: intake })).statusCode).toBe(200);
  const response = await call('POST', '/api/intake/submit', cookie, { firstSession });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CareState>();
}

describe('intake', () => {
  it('saves step by step, resumes where the client left off, and seals the answers', async () => {
    const cookie = await newClient();
    const fresh = (await call('GET', '/api/intake', cookie)).json<IntakeState>();
    expect(fresh).toMatchObject({ step: 'about', answers: {}, submitted: false, showCrisisResources: false });

    await call('PUT', '/api/intake', cookie, {
      step: 'languages',
      answers: { state: 'TX', dateOfBirth: '1988-02-29', timeZone: 'America/Chicago' },
    });
    await call('PUT', '/api/intake', cookie, { step: 'focus', answers: { requiredLanguages: ['es'] } });
    const resumed = (await call('GET', '/api/intake', cookie)).json<IntakeState>();
    expect(resumed.step).toBe('focus');
    expect(resumed.answers).toEqual({ state: 'TX', dateOfBirth: '1988-02-29', timeZone: 'America/Chicago', requiredLanguages: ['es'] });

    const stored = await app.context.db.selectFrom('clients').select('intake_sealed').where('intake_sealed', 'is not', null).execute();
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) expect(row.intake_sealed).not.toContain('1988-02-29');
  });

  it('refuses bad answers clearly and keeps what was saved', async () => {
    const cookie = await newClient();
    await call('PUT', '/api/intake', cookie, { step: 'about', answers: { state: 'WA' } });
    const bad = [
      [{ state: 'ZZ' }, 400, 'answers.state'],
      [{ dateOfBirth: '2999-01-01' }, 400, 'answers.dateOfBirth'],
      [{ phq9: { items: [0, 1, 2, 3, 4, 0, 0, 0, 0], difficulty: 1 } }, 400, 'answers.phq9.items.4'],
      [{ phq9: { items: [0, 1, 2], difficulty: 1 } }, 400, 'answers.phq9.items'],
      [{ preferences: { careFormat: 'live' } }, 400, 'answers.preferences.liveModality'],
    ] as const;
    for (const [partial, status, field] of bad) {
      const response = await call('PUT', '/api/intake', cookie, { step: 'about', answers: partial });
      expect(response.statusCode, JSON.stringify(partial)).toBe(status);
      expect(response.json().error.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    const young = new Date();
    young.setUTCFullYear(young.getUTCFullYear() - 17);
    const underAge = await call('PUT', '/api/intake', cookie, {
      step: 'about',
      answers: { dateOfBirth: young.toISOString().slice(0, 10) },
    });
    expect(underAge.statusCode).toBe(422);
    expect(underAge.json().error.code).toBe('under_age');
    expect((await call('GET', '/api/intake', cookie)).json<IntakeState>().answers).toEqual({ state: 'WA' });

    const incomplete = await call('POST', '/api/intake/submit', cookie, {});
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.code).toBe('intake_incomplete');
    expect(incomplete.json().error.issues.map((i: { field: string }) => i.field)).toContain('answers.phq9');
  });

  it.each([0, 1, 2, 3])('PHQ-9 item 9 answered %i: crisis resources and a flag exactly when above 0', async (item9) => {
    const cookie = await newClient();
    const phq9 = { items: [1, 0, 0, 0, 0, 0, 0, 0, item9], difficulty: 1 };
    const state = (await call('PUT', '/api/intake', cookie, { step: 'gad7', answers: { phq9 } })).json<IntakeState>();
    expect(state.showCrisisResources).toBe(item9 > 0);
    const flags = (await call('GET', '/api/admin/safety-flags?status=all', admin)).json<{
      flags: Array<{ clientId: string; item9: number | null; reasons: string[] }>;
    }>();
    const { id: userId } = (await call('GET', '/api/me', cookie)).json<{ user: { id: string } }>().user;
    const client = await repo.findClientByUser(app.context.db, userId);
    const mine = flags.flags.filter((f) => f.clientId === client?.id);
    expect(mine.length).toBe(item9 > 0 ? 1 : 0);
    if (item9 > 0) expect(mine[0]).toMatchObject({ item9, reasons: ['phq9_item9'] });
  });

  it('an explicit crisis answer shows resources, flags once, and never blocks finishing', async () => {
    await insertProvider(app.context.db, { states: ['OR'], languages: ['en'] });
    const cookie = await newClient();
    const state = (await call('PUT', '/api/intake', cookie, { step: 'gad7', answers: { inCrisis: true } })).json<IntakeState>();
    expect(state.showCrisisResources).toBe(true);
    const care = await submitted(cookie, answers({ state: 'OR', requiredLanguages: ['en'], inCrisis: true }));
    expect(care.current).not.toBeNull();
    const open = (await call('GET', '/api/admin/safety-flags', admin)).json<{
      flags: Array<{ id: string; reasons: string[]; clientName: string }>;
    }>();
    const flag = open.flags.find((f) => f.reasons.includes('self_reported_crisis'));
    expect(flag).toBeDefined();

    const followUp = await call('POST', `/api/admin/safety-flags/${flag!.id}/follow-up`, admin, { note: 'Called; safety plan agreed.' });
    expect(followUp.statusCode).toBe(200);
    expect(followUp.json().followedUpAt).not.toBeNull();
    expect((await call('POST', `/api/admin/safety-flags/${flag!.id}/follow-up`, admin, { note: 'again' })).statusCode).toBe(409);
    expect((await call('GET', '/api/admin/safety-flags', cookie)).statusCode).toBe(403);
  });
});

describe('matching', () => {
  it('matches a Texan who needs Spanish instantly, with reasons, a room and every hard rule held', async () => {
    const db = app.context.db;
    await insertProvider(db, { states: ['TX'], languages: ['en'], focusAreas: ['anxiety', 'trauma'] });
    await insertProvider(db, { states: ['CA'], languages: ['en', 'es'], focusAreas: ['anxiety', 'trauma'] });
    const right = await insertProvider(db, {
      states: ['TX', 'NM'],
      languages: ['en', 'es'],
      focusAreas: ['anxiety', 'trauma'],
      weekly: [{ weekday: 2, start: '17:00', end: '21:00' }],
    });
    const cookie = await newClient();
    const care = await submitted(cookie, answers());

    expect(care.current?.provider.id).toBe(right.id);
    expect(care.current?.route).toBe('instant');
    expect(care.roomId).not.toBeNull();
    expect(care.current?.reasons).toEqual(
      expect.arrayContaining([
        { kind: 'licensed_in', state: 'TX' },
        { kind: 'speaks', language: 'es' },
        { kind: 'focus', areas: ['anxiety', 'trauma'] },
        { kind: 'times', times: ['evening'] },
      ]),
    );
    // Submitting again (a retry) changes nothing.
    const again = (await call('POST', '/api/intake/submit', cookie, {})).json<CareState>();
    expect(again.current?.assignmentId).toBe(care.current?.assignmentId);

    const { id: userId } = (await call('GET', '/api/me', cookie)).json<{ user: { id: string } }>().user;
    const client = (await repo.findClientByUser(db, userId))!;
    const [provider] = await repo.candidateProviders(db, new Date().toISOString().slice(0, 10), { ids: [right.id] });
    expect(hardRuleFailures(matchClientOf(client), { ...matchProviderOf(provider!, null, '2026-11-23'), activeClients: 0 })).toEqual([]);
    const results = await db.selectFrom('screener_results').select(['instrument', 'sealed']).where('client_id', '=', client.id).execute();
    expect(results.map((r) => r.instrument).sort()).toEqual(['gad7', 'phq9']);
    for (const r of results) expect(r.sealed.startsWith('hv1.')).toBe(true);
  });

  it('queues when nobody has room, with an estimate, and the batch assigns when a place opens', async () => {
    const db = app.context.db;
    const full = await insertProvider(db, { states: ['VT'], capacity: 1 });
    const first = await submitted(await newClient(), answers({ state: 'VT', requiredLanguages: ['en'] }));
    expect(first.current?.provider.id).toBe(full.id);
    const waiting = await newClient();
    const queued = await submitted(waiting, answers({ state: 'VT', requiredLanguages: ['en'] }));
    expect(queued.current).toBeNull();
    expect(queued.queue).toMatchObject({ position: 1, reason: 'no_capacity', estimateDays: null });

    const overview = (await call('GET', '/api/admin/matching', admin)).json();
    expect(overview.queue.size).toBeGreaterThanOrEqual(1);
    expect(overview.timeToMatch.matches).toBeGreaterThanOrEqual(1);

    await insertProvider(db, { states: ['VT'], capacity: 3 });
    const run = await call('POST', '/api/admin/matching/run', admin);
    expect(run.json().lastBatch.assigned).toBeGreaterThanOrEqual(1);
    const matched = (await call('GET', '/api/care', waiting)).json<CareState>();
    expect(matched.queue).toBeNull();
    expect(matched.current?.route).toBe('batch');
    expect(matched.roomId).not.toBeNull();
  });

  it('grants a provider asked for by name, or says why not', async () => {
    const db = app.context.db;
    // Ingrid fits least (grief only), so the instant match picks someone else and the request is a change.
    const wanted = await insertProvider(db, { states: ['ME'], firstName: 'Ingrid', lastName: 'Solberg', focusAreas: ['grief'] });
    await insertProvider(db, { states: ['ME'] });
    await insertProvider(db, { states: ['NH'], firstName: 'Paul', lastName: 'Okafor' });
    await insertProvider(db, { states: ['ME'], firstName: 'Sam', lastName: 'Lee' });
    await insertProvider(db, { states: ['ME'], firstName: 'Sam', lastName: 'Lee' });
    const cookie = await newClient();
    const care = await submitted(cookie, answers({ state: 'ME', requiredLanguages: ['en'] }));

    const notLicensed = (await call('POST', '/api/care/request-provider', cookie, { firstName: 'paul', lastName: 'OKAFOR' })).json();
    expect(notLicensed).toEqual({ matched: false, providerName: 'Paul Okafor', failures: ['not_licensed_in_state'] });
    expect((await call('POST', '/api/care/request-provider', cookie, { firstName: 'Sam', lastName: 'Lee' })).json().error.code).toBe(
      'ambiguous_provider',
    );
    expect((await call('POST', '/api/care/request-provider', cookie, { firstName: 'Nobody', lastName: 'Here' })).statusCode).toBe(404);
    expect((await call('POST', '/api/care/request-provider', cookie, { firstName: '', lastName: 'Here' })).statusCode).toBe(400);

    const grantedResponse = await call('POST', '/api/care/request-provider', cookie, {
      firstName: 'Ingrid',
      lastName: 'Solberg',
      mayReadEarlierConversation: true,
    });
    const granted = grantedResponse.json();
    expect(granted, grantedResponse.body).toMatchObject({ matched: true });
    expect(granted.matched).toBe(true);
    expect(granted.care.current.provider.id).toBe(wanted.id);
    expect(granted.care.roomId).toBe(care.roomId);
    expect(granted.care.current.mayReadEarlierConversation).toBe(true);
  });

  it('switches provider keeping the room, ends the old access, refuses a second switch of the same one', async () => {
    const db = app.context.db;
    const providers = [await insertProvider(db, { states: ['WY'] }), await insertProvider(db, { states: ['WY'] })];
    const cookie = await newClient();
    const before = await submitted(cookie, answers({ state: 'WY', requiredLanguages: ['en'] }));
    const from = before.current!;

    const switched = await call('POST', '/api/care/switch', cookie, {
      fromAssignmentId: from.assignmentId,
      reason: 'Not a fit for me',
      mayReadEarlierConversation: false,
    });
    expect(switched.statusCode).toBe(200);
    const after = switched.json<CareState>();
    expect(after.roomId).toBe(before.roomId);
    expect(after.current?.provider.id).not.toBe(from.provider.id);
    expect(after.current?.mayReadEarlierConversation).toBe(false);
    expect(after.previous).toEqual([expect.objectContaining({ assignmentId: from.assignmentId, endReason: 'switch' })]);
    const old = await db.selectFrom('care_assignments').selectAll().where('id', '=', from.assignmentId).executeTakeFirstOrThrow();
    expect(old.ended_at).not.toBeNull();
    expect(old.end_note_sealed).not.toContain('fit');

    const repeat = await call('POST', '/api/care/switch', cookie, {
      fromAssignmentId: from.assignmentId,
      mayReadEarlierConversation: false,
    });
    expect(repeat.statusCode).toBe(409);

    const shared = await call('PUT', '/api/care/history-access', cookie, {
      assignmentId: after.current!.assignmentId,
      mayReadEarlierConversation: true,
    });
    expect(shared.json<CareState>().current?.mayReadEarlierConversation).toBe(true);

    // Nobody else can take them now: the switch waits in the queue and the current provider stays.
    const others = providers.filter((p) => p.id !== after.current?.provider.id).map((p) => p.id);
    await db.updateTable('providers').set({ status: 'inactive' }).where('id', 'in', others).execute();
    const waiting = await call('POST', '/api/care/switch', cookie, {
      fromAssignmentId: after.current!.assignmentId,
      mayReadEarlierConversation: true,
    });
    const pending = waiting.json<CareState>();
    expect(pending.current?.assignmentId).toBe(after.current?.assignmentId);
    expect(pending.queue?.reason).toBe('switch');
    const again = await call('POST', '/api/care/switch', cookie, {
      fromAssignmentId: after.current!.assignmentId,
      mayReadEarlierConversation: true,
    });
    expect(again.json().error.code).toBe('switch_in_progress');
  });

  it('re-matches the clients of a provider who leaves, keeping their rooms and telling them', async () => {
    const db = app.context.db;
    const leaving = await insertProvider(db, { states: ['SD'] });
    const cookie = await newClient();
    const before = await submitted(cookie, answers({ state: 'SD', requiredLanguages: ['en'] }));
    expect(before.current?.provider.id).toBe(leaving.id);
    const staying = await insertProvider(db, { states: ['SD'] });

    const deactivated = await call('POST', `/api/admin/providers/${leaving.id}/deactivate`, admin, { reason: 'Left the practice' });
    expect(deactivated.statusCode).toBe(200);
    expect(await drainEvents(app.context)).toBeGreaterThanOrEqual(1);
    const after = (await call('GET', '/api/care', cookie)).json<CareState>();
    expect(after.current?.provider.id).toBe(staying.id);
    expect(after.current?.route).toBe('provider_left');
    expect(after.roomId).toBe(before.roomId);
    expect(after.notices).toEqual([expect.objectContaining({ kind: 'provider_left', providerName: leaving.name })]);
    expect(await drainEvents(app.context)).toBe(0);
  });

  it('books the first live session together with the match, or neither', async () => {
    const db = app.context.db;
    const provider = await insertProvider(db, {
      states: ['DE'],
      modalities: ['messaging', 'video'],
      weekly: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    });
    const live = answers({
      state: 'DE',
      requiredLanguages: ['en'],
      preferences: { providerGender: null, approaches: [], careFormat: 'both', liveModality: 'video', preferredTimes: [] },
      coverage: { kind: 'direct', plan: 'messaging_live' },
    });
    const first = await newClient();
    await call('PUT', '/api/intake', first, { step: 'first_session', answers: live });
    const from = new Date(Date.now() + 86_400_000);
    const to = new Date(from.getTime() + 3 * 86_400_000);
    const offer = (await call('GET', `/api/intake/first-session-slots?from=${from.toISOString()}&to=${to.toISOString()}`, first)).json();
    expect(offer.providers[0].provider.id).toBe(provider.id);
    const slot = offer.providers[0].slots[0];
    const choice = { providerId: provider.id, start: slot.start, lengthMinutes: offer.providers[0].lengthMinutes };
    const care = await submitted(first, live, choice);
    expect(care.current?.route).toBe('first_session');
    expect(care.sessions).toEqual([
      expect.objectContaining({ providerId: provider.id, startsAt: new Date(slot.start).toISOString(), modality: 'video' }),
    ]);

    const second = await newClient();
    await call('PUT', '/api/intake', second, { step: 'first_session', answers: live });
    const taken = await call('POST', '/api/intake/submit', second, { firstSession: choice });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('slot_taken');
    const untouched = (await call('GET', '/api/care', second)).json<CareState>();
    expect(untouched).toMatchObject({ intakeSubmitted: false, current: null, roomId: null });
  });

  it('is for clients only', async () => {
    expect((await call('GET', '/api/care')).statusCode).toBe(401);
    expect((await call('GET', '/api/intake', admin)).statusCode).toBe(403);
    expect((await call('GET', '/api/admin/matching', await newClient())).statusCode).toBe(403);
  });
});

describe('batch assignment in the service', () => {
  it('never gives a provider more clients than places', async () => {
    const db = app.context.db;
    const only = await insertProvider(db, { states: ['ND'], capacity: 2 });
    await db.updateTable('providers').set({ status: 'inactive' }).where('id', '=', only.id).execute();
    const cookies = await Promise.all([1, 2, 3, 4].map(() => newClient()));
    for (const cookie of cookies) await submitted(cookie, answers({ state: 'ND', requiredLanguages: ['en'] }));
    await db.updateTable('providers').set({ status: 'active' }).where('id', '=', only.id).execute();
    const { assigned } = await runMatchingBatch(db);
    expect(assigned).toBeGreaterThanOrEqual(2);
    const current = await repo.currentAssignmentsOfProvider(db, only.id);
    expect(current).toHaveLength(2);
  });
});
