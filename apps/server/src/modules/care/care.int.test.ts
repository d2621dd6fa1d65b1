import type { CareState, IntakeState } from '@haven/contract';
import { hardRuleFailures } from '@haven/domain';
import { describe, expect, it } from 'vitest';
import { aMatchedClient, aSignedUpClient, submitIntake } from '../../testing/clients.ts';
import { drainEvents } from '../../testing/events.ts';
import { anIntake, messagingAndVideo } from '../../testing/factories.ts';
import { columnsHolding } from '../../testing/clear-text.ts';
import { useTestApp } from '../../testing/harness.ts';
import { insertProvider } from '../../testing/network.ts';
import * as repo from './care.repository.ts';
import { matchClientOf, matchProviderOf } from './matching.ts';
import { runMatchingBatch } from './queue.service.ts';

const haven = useTestApp({ admin: true });
const newClient = async () => (await aSignedUpClient(haven)).cookie;

describe('intake', () => {
  it('saves step by step, resumes where the client left off, and seals the answers', async () => {
    const cookie = await newClient();
    const fresh = (await haven.as(cookie).get('/api/intake')).json<IntakeState>();
    expect(fresh).toMatchObject({ step: 'about', answers: {}, submitted: false, showCrisisResources: false });

    await haven.as(cookie).put('/api/intake', {
      step: 'languages',
      answers: { state: 'TX', dateOfBirth: '1988-02-29', timeZone: 'America/Chicago' },
    });
    await haven.as(cookie).put('/api/intake', { step: 'focus', answers: { requiredLanguages: ['es'] } });
    const resumed = (await haven.as(cookie).get('/api/intake')).json<IntakeState>();
    expect(resumed.step).toBe('focus');
    expect(resumed.answers).toEqual({ state: 'TX', dateOfBirth: '1988-02-29', timeZone: 'America/Chicago', requiredLanguages: ['es'] });

    const stored = await haven.db.selectFrom('clients').select('intake_sealed').where('intake_sealed', 'is not', null).execute();
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) expect(row.intake_sealed).not.toContain('1988-02-29');
  });

  it('refuses bad answers clearly and keeps what was saved', async () => {
    const cookie = await newClient();
    await haven.as(cookie).put('/api/intake', { step: 'about', answers: { state: 'WA' } });
    const bad = [
      [{ state: 'ZZ' }, 400, 'answers.state'],
      [{ dateOfBirth: '2999-01-01' }, 400, 'answers.dateOfBirth'],
      [{ phq9: { items: [0, 1, 2, 3, 4, 0, 0, 0, 0], difficulty: 1 } }, 400, 'answers.phq9.items.4'],
      [{ phq9: { items: [0, 1, 2], difficulty: 1 } }, 400, 'answers.phq9.items'],
      [{ preferences: { careFormat: 'live' } }, 400, 'answers.preferences.liveModality'],
    ] as const;
    for (const [partial, status, field] of bad) {
      const response = await haven.as(cookie).put('/api/intake', { step: 'about', answers: partial });
      expect(response.statusCode, JSON.stringify(partial)).toBe(status);
      expect(response.json().error.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    const young = new Date();
    young.setUTCFullYear(young.getUTCFullYear() - 17);
    const underAge = await haven.as(cookie).put('/api/intake', {
      step: 'about',
      answers: { dateOfBirth: young.toISOString().slice(0, 10) },
    });
    expect(underAge.statusCode).toBe(422);
    expect(underAge.json().error.code).toBe('under_age');
    expect((await haven.as(cookie).get('/api/intake')).json<IntakeState>().answers).toEqual({ state: 'WA' });

    const incomplete = await haven.as(cookie).post('/api/intake/submit', {});
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.code).toBe('intake_incomplete');
    expect(incomplete.json().error.issues.map((i: { field: string }) => i.field)).toContain('answers.phq9');
  });

  it.each([0, 1, 2, 3])('PHQ-9 item 9 answered %i: crisis resources and a flag exactly when above 0', async (item9) => {
    const cookie = await newClient();
    const phq9 = { items: [1, 0, 0, 0, 0, 0, 0, 0, item9], difficulty: 1 };
    const state = (await haven.as(cookie).put('/api/intake', { step: 'gad7', answers: { phq9 } })).json<IntakeState>();
    expect(state.showCrisisResources).toBe(item9 > 0);
    const flags = (await haven.as(haven.admin).get('/api/admin/safety-flags?status=all')).json<{
      flags: Array<{ clientId: string; item9: number | null; reasons: string[] }>;
    }>();
    const { id: userId } = (await haven.as(cookie).get('/api/me')).json<{ user: { id: string } }>().user;
    const client = await repo.findClientByUser(haven.db, userId);
    const mine = flags.flags.filter((f) => f.clientId === client?.id);
    expect(mine.length).toBe(item9 > 0 ? 1 : 0);
    if (item9 > 0) expect(mine[0]).toMatchObject({ item9, reasons: ['phq9_item9'] });
  });

  it('an explicit crisis answer shows resources, flags once, and never blocks finishing', async () => {
    await insertProvider(haven.db, { states: ['OR'], languages: ['en'] });
    const cookie = await newClient();
    const state = (await haven.as(cookie).put('/api/intake', { step: 'gad7', answers: { inCrisis: true } })).json<IntakeState>();
    expect(state.showCrisisResources).toBe(true);
    const care = await submitIntake(haven, cookie, anIntake({ state: 'OR', inCrisis: true }));
    expect(care.current).not.toBeNull();
    const open = (await haven.as(haven.admin).get('/api/admin/safety-flags')).json<{
      flags: Array<{ id: string; reasons: string[]; clientName: string }>;
    }>();
    const flag = open.flags.find((f) => f.reasons.includes('self_reported_crisis'));
    expect(flag).toBeDefined();

    const followUp = await haven
      .as(haven.admin)
      .post(`/api/admin/safety-flags/${flag!.id}/follow-up`, { note: 'Called; safety plan agreed.' });
    expect(followUp.statusCode).toBe(200);
    expect(followUp.json()).toMatchObject({ followUpNote: 'Called; safety plan agreed.' });
    expect(followUp.json().followedUpAt).not.toBeNull();
    // The note is clinical: sealed on the flag, and not in the audit trail's reason.
    expect(await columnsHolding(haven.db, 'safety plan agreed')).toEqual([]);
    const all = (await haven.as(haven.admin).get('/api/admin/safety-flags?status=all')).json<{
      flags: Array<{ id: string; followUpNote: string | null }>;
    }>();
    expect(all.flags.find((f) => f.id === flag!.id)?.followUpNote).toBe('Called; safety plan agreed.');
    expect((await haven.as(haven.admin).post(`/api/admin/safety-flags/${flag!.id}/follow-up`, { note: 'again' })).statusCode).toBe(409);
    expect((await haven.as(cookie).get('/api/admin/safety-flags')).statusCode).toBe(403);
  });
});

describe('matching', () => {
  it('matches a Texan who needs Spanish instantly, with reasons, a room and every hard rule held', async () => {
    const db = haven.db;
    await insertProvider(db, { states: ['TX'], languages: ['en'], focusAreas: ['anxiety', 'trauma'] });
    await insertProvider(db, { states: ['CA'], languages: ['en', 'es'], focusAreas: ['anxiety', 'trauma'] });
    const right = await insertProvider(db, {
      states: ['TX', 'NM'],
      languages: ['en', 'es'],
      focusAreas: ['anxiety', 'trauma'],
      weekly: [{ weekday: 2, start: '17:00', end: '21:00' }],
    });
    const { cookie, care } = await aMatchedClient(haven, {
      requiredLanguages: ['es'],
      focusAreas: ['anxiety', 'trauma'],
      preferences: { providerGender: null, approaches: [], careFormat: 'messaging', liveModality: null, preferredTimes: ['evening'] },
    });

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
    const again = (await haven.as(cookie).post('/api/intake/submit', {})).json<CareState>();
    expect(again.current?.assignmentId).toBe(care.current?.assignmentId);

    const { id: userId } = (await haven.as(cookie).get('/api/me')).json<{ user: { id: string } }>().user;
    const client = (await repo.findClientByUser(db, userId))!;
    const [provider] = await repo.candidateProviders(db, new Date().toISOString().slice(0, 10), { ids: [right.id] });
    expect(hardRuleFailures(matchClientOf(client), { ...matchProviderOf(provider!, null, '2026-11-23'), activeClients: 0 })).toEqual([]);
    const results = await db.selectFrom('screener_results').select(['instrument', 'sealed']).where('client_id', '=', client.id).execute();
    expect(results.map((r) => r.instrument).sort()).toEqual(['gad7', 'phq9']);
    for (const r of results) expect(r.sealed.startsWith('hv1.')).toBe(true);
  });

  it('queues when nobody has room, with an estimate, and the batch assigns when a place opens', async () => {
    const db = haven.db;
    const full = await insertProvider(db, { states: ['VT'], capacity: 1 });
    const { care: first } = await aMatchedClient(haven, { state: 'VT' });
    expect(first.current?.provider.id).toBe(full.id);
    const waiting = await newClient();
    const queued = await submitIntake(haven, waiting, anIntake({ state: 'VT' }));
    expect(queued.current).toBeNull();
    expect(queued.queue).toMatchObject({ position: 1, reason: 'no_capacity', estimateDays: null });

    const overview = (await haven.as(haven.admin).get('/api/admin/matching')).json();
    expect(overview.queue.size).toBeGreaterThanOrEqual(1);
    expect(overview.timeToMatch.matches).toBeGreaterThanOrEqual(1);

    await insertProvider(db, { states: ['VT'], capacity: 3 });
    const run = await haven.as(haven.admin).post('/api/admin/matching/run');
    expect(run.json().lastBatch.assigned).toBeGreaterThanOrEqual(1);
    const matched = (await haven.as(waiting).get('/api/care')).json<CareState>();
    expect(matched.queue).toBeNull();
    expect(matched.current?.route).toBe('batch');
    expect(matched.roomId).not.toBeNull();
  });

  it('grants a provider asked for by name, or says why not', async () => {
    const db = haven.db;
    // Ingrid fits least (grief only), so the instant match picks someone else and the request is a change.
    const wanted = await insertProvider(db, { states: ['ME'], firstName: 'Ingrid', lastName: 'Solberg', focusAreas: ['grief'] });
    await insertProvider(db, { states: ['ME'] });
    await insertProvider(db, { states: ['NH'], firstName: 'Paul', lastName: 'Okafor' });
    await insertProvider(db, { states: ['ME'], firstName: 'Sam', lastName: 'Lee' });
    await insertProvider(db, { states: ['ME'], firstName: 'Sam', lastName: 'Lee' });
    const { cookie, care } = await aMatchedClient(haven, { state: 'ME' });

    const notLicensed = (await haven.as(cookie).post('/api/care/request-provider', { firstName: 'paul', lastName: 'OKAFOR' })).json();
    expect(notLicensed).toEqual({ matched: false, providerName: 'Paul Okafor', failures: ['not_licensed_in_state'] });
    expect((await haven.as(cookie).post('/api/care/request-provider', { firstName: 'Sam', lastName: 'Lee' })).json().error.code).toBe(
      'ambiguous_provider',
    );
    expect((await haven.as(cookie).post('/api/care/request-provider', { firstName: 'Nobody', lastName: 'Here' })).statusCode).toBe(404);
    expect((await haven.as(cookie).post('/api/care/request-provider', { firstName: '', lastName: 'Here' })).statusCode).toBe(400);

    const grantedResponse = await haven.as(cookie).post('/api/care/request-provider', {
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
    const db = haven.db;
    const providers = [await insertProvider(db, { states: ['WY'] }), await insertProvider(db, { states: ['WY'] })];
    const { cookie, care: before } = await aMatchedClient(haven, { state: 'WY' });
    const from = before.current!;

    const switched = await haven.as(cookie).post('/api/care/switch', {
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

    const repeat = await haven.as(cookie).post('/api/care/switch', {
      fromAssignmentId: from.assignmentId,
      mayReadEarlierConversation: false,
    });
    expect(repeat.statusCode).toBe(409);

    const shared = await haven.as(cookie).put('/api/care/history-access', {
      assignmentId: after.current!.assignmentId,
      mayReadEarlierConversation: true,
    });
    expect(shared.json<CareState>().current?.mayReadEarlierConversation).toBe(true);

    // Nobody else can take them now: the switch waits in the queue and the current provider stays.
    const others = providers.filter((p) => p.id !== after.current?.provider.id).map((p) => p.id);
    await db.updateTable('providers').set({ status: 'inactive' }).where('id', 'in', others).execute();
    const waiting = await haven.as(cookie).post('/api/care/switch', {
      fromAssignmentId: after.current!.assignmentId,
      mayReadEarlierConversation: true,
    });
    const pending = waiting.json<CareState>();
    expect(pending.current?.assignmentId).toBe(after.current?.assignmentId);
    expect(pending.queue?.reason).toBe('switch');
    const again = await haven.as(cookie).post('/api/care/switch', {
      fromAssignmentId: after.current!.assignmentId,
      mayReadEarlierConversation: true,
    });
    expect(again.json().error.code).toBe('switch_in_progress');
  });

  it('re-matches the clients of a provider who leaves, keeping their rooms and telling them', async () => {
    const db = haven.db;
    const leaving = await insertProvider(db, { states: ['SD'] });
    const { cookie, care: before } = await aMatchedClient(haven, { state: 'SD' });
    expect(before.current?.provider.id).toBe(leaving.id);
    const staying = await insertProvider(db, { states: ['SD'] });

    const deactivated = await haven.as(haven.admin).post(`/api/admin/providers/${leaving.id}/deactivate`, { reason: 'Left the practice' });
    expect(deactivated.statusCode).toBe(200);
    expect(await drainEvents(haven.app.context)).toBeGreaterThanOrEqual(1);
    const after = (await haven.as(cookie).get('/api/care')).json<CareState>();
    expect(after.current?.provider.id).toBe(staying.id);
    expect(after.current?.route).toBe('provider_left');
    expect(after.roomId).toBe(before.roomId);
    expect(after.notices).toEqual([expect.objectContaining({ kind: 'provider_left', providerName: leaving.name })]);
    expect(await drainEvents(haven.app.context)).toBe(0);
  });

  it('books the first live session together with the match, or neither', async () => {
    const db = haven.db;
    const provider = await insertProvider(db, {
      states: ['DE'],
      modalities: ['messaging', 'video'],
      weekly: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    });
    const live = anIntake({ state: 'DE', preferences: messagingAndVideo, coverage: { kind: 'direct', plan: 'messaging_live' } });
    const first = await newClient();
    await haven.as(first).put('/api/intake', { step: 'first_session', answers: live });
    const from = new Date(Date.now() + 86_400_000);
    const to = new Date(from.getTime() + 3 * 86_400_000);
    const offer = (await haven.as(first).get(`/api/intake/first-session-slots?from=${from.toISOString()}&to=${to.toISOString()}`)).json();
    expect(offer.providers[0].provider.id).toBe(provider.id);
    const slot = offer.providers[0].slots[0];
    const choice = { providerId: provider.id, start: slot.start, lengthMinutes: offer.providers[0].lengthMinutes };
    const care = await submitIntake(haven, first, live, choice);
    expect(care.current?.route).toBe('first_session');
    expect(care.sessions).toEqual([
      expect.objectContaining({ providerId: provider.id, startsAt: new Date(slot.start).toISOString(), modality: 'video' }),
    ]);

    const second = await newClient();
    await haven.as(second).put('/api/intake', { step: 'first_session', answers: live });
    const taken = await haven.as(second).post('/api/intake/submit', { firstSession: choice });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('slot_taken');
    const untouched = (await haven.as(second).get('/api/care')).json<CareState>();
    expect(untouched).toMatchObject({ intakeSubmitted: false, current: null, roomId: null });
  });

  it('is for clients only', async () => {
    expect((await haven.signedOut.get('/api/care')).statusCode).toBe(401);
    expect((await haven.as(haven.admin).get('/api/intake')).statusCode).toBe(403);
    expect((await haven.as(await newClient()).get('/api/admin/matching')).statusCode).toBe(403);
  });
});

describe('batch assignment in the service', () => {
  it('never gives a provider more clients than places', async () => {
    const db = haven.db;
    const only = await insertProvider(db, { states: ['ND'], capacity: 2 });
    await db.updateTable('providers').set({ status: 'inactive' }).where('id', '=', only.id).execute();
    const cookies = await Promise.all([1, 2, 3, 4].map(() => newClient()));
    for (const cookie of cookies) await submitIntake(haven, cookie, anIntake({ state: 'ND' }));
    await db.updateTable('providers').set({ status: 'active' }).where('id', '=', only.id).execute();
    const { assigned } = await runMatchingBatch(db);
    expect(assigned).toBeGreaterThanOrEqual(2);
    const current = await repo.currentAssignmentsOfProvider(db, only.id);
    expect(current).toHaveLength(2);
  });
});
