import type { NoteView, ProgressNoteDraft } from '@haven/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSignUp } from '../../testing/factories.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';
import { sessionCookieFrom, signInAsNewAdmin, startTestApp, type TestApp } from '../../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const MINUTE = 60_000;
const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown) =>
  app.http.inject({ method, url, payload: payload as object, headers: { cookie } });
const noteUrl = (sessionId: string, rest = '') => `/api/provider/sessions/${sessionId}/note${rest}`;

/** A signed-in client and provider (Ana Díaz, LPC), and a live session between them `startsIn` minutes from now. */
async function aSession(options: { startsIn?: number; lengthMinutes?: number; status?: 'booked' | 'cancelled' | 'completed' } = {}) {
  const { db } = app.context;
  const signUp = await app.http.inject({ method: 'POST', url: '/api/auth/sign-up', payload: aSignUp({ preferredName: 'Jordan' }) });
  const clientCookie = sessionCookieFrom(signUp.headers['set-cookie']);
  const userId = signUp.json<{ user: { id: string } }>().user.id;
  await db
    .insertInto('clients')
    .values({ user_id: userId })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  const client = await db.selectFrom('clients').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow();
  const room = await db
    .insertInto('rooms')
    .values({ client_id: client.id })
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('id')
    .executeTakeFirstOrThrow();
  const provider = await insertProvider(db, { firstName: 'Ana', lastName: 'Díaz' });
  const providerCookie = await signInAsProvider(app, provider.id);
  const startsAt = new Date(Date.now() + (options.startsIn ?? -60) * MINUTE);
  const session = await db
    .insertInto('live_sessions')
    .values({
      client_id: client.id,
      provider_id: provider.id,
      room_id: room.id,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + (options.lengthMinutes ?? 50) * MINUTE),
      modality: 'video',
      status: options.status ?? 'booked',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { sessionId: session.id, clientId: client.id, clientCookie, providerCookie, providerId: provider.id };
}

const aDraft = (overrides: Partial<ProgressNoteDraft> = {}): ProgressNoteDraft => ({
  presentation: 'Client arrived on time, tired; reports poor sleep since the move.',
  interventions: 'Cognitive restructuring of catastrophic predictions; sleep hygiene review.',
  plan: 'Sleep diary for one week; revisit thought record next session.',
  risk: 'Denies suicidal ideation; no change in risk.',
  minutes: 50,
  cptCode: '90834',
  ...overrides,
});

describe('progress notes', () => {
  it('go from draft to signed, are then locked, and keep amendments in order', async () => {
    const s = await aSession({ lengthMinutes: 50 });
    const empty = await call('GET', noteUrl(s.sessionId), s.providerCookie);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json<NoteView>()).toMatchObject({
      note: null,
      writable: true,
      defaultMinutes: 50,
      suggestedCpt: '90834',
      session: { clientName: 'Jordan', lengthMinutes: 50 },
    });

    const draft = await call('PUT', noteUrl(s.sessionId), s.providerCookie, aDraft({ plan: '' }));
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json<NoteView>().note).toMatchObject({ status: 'draft', plan: '', signedAt: null });
    expect(
      (await call('PUT', noteUrl(s.sessionId), s.providerCookie, aDraft({ minutes: 55, cptCode: '90837' }))).json<NoteView>().note,
    ).toMatchObject({ minutes: 55 });

    const signed = await call('POST', noteUrl(s.sessionId, '/sign'), s.providerCookie, aDraft());
    expect(signed.statusCode, signed.body).toBe(200);
    const note = signed.json<NoteView>().note!;
    expect(note).toMatchObject({ status: 'signed', minutes: 50, cptCode: '90834', signature: 'Ana Díaz, LPC', intact: true });
    expect(note.contentSha256).toMatch(/^[0-9a-f]{64}$/);

    const edit = await call('PUT', noteUrl(s.sessionId), s.providerCookie, aDraft({ plan: 'Changed afterwards' }));
    expect(edit.statusCode).toBe(409);
    expect(edit.json<{ error: { message: string } }>().error.message).toMatch(/signed and locked/);
    expect((await call('POST', noteUrl(s.sessionId, '/sign'), s.providerCookie, aDraft())).statusCode).toBe(409);

    for (const n of [1, 2, 3]) {
      const amended = await call('POST', noteUrl(s.sessionId, '/amendments'), s.providerCookie, {
        text: `Amendment ${n}`,
        reason: `Reason ${n}`,
      });
      expect(amended.statusCode, amended.body).toBe(200);
    }
    const view = (await call('GET', noteUrl(s.sessionId), s.providerCookie)).json<NoteView>();
    expect(view.note).toMatchObject({ plan: aDraft().plan, status: 'signed' });
    expect(view.amendments.map((a) => [a.text, a.reason, a.signature])).toEqual([
      ['Amendment 1', 'Reason 1', 'Ana Díaz, LPC'],
      ['Amendment 2', 'Reason 2', 'Ana Díaz, LPC'],
      ['Amendment 3', 'Reason 3', 'Ana Díaz, LPC'],
    ]);

    const actions = await app.context.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', s.clientId)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['session_notes.viewed', 'progress_note.saved', 'progress_note.signed', 'progress_note.amended']),
    );
  });

  it('cannot be signed with a field missing or a code the minutes do not call for (422, saying what)', async () => {
    const s = await aSession();
    const missing = await call('POST', noteUrl(s.sessionId, '/sign'), s.providerCookie, aDraft({ interventions: '  ', plan: '' }));
    expect(missing.statusCode).toBe(422);
    const body = missing.json<{ error: { code: string; message: string; issues: Array<{ field: string }> } }>().error;
    expect(body.code).toBe('note_incomplete');
    expect(body.issues.map((i) => i.field)).toEqual(['interventions', 'plan']);
    expect(body.message).toMatch(/interventions/);

    const wrongCode = await call('POST', noteUrl(s.sessionId, '/sign'), s.providerCookie, aDraft({ minutes: 30, cptCode: '90837' }));
    expect(wrongCode.statusCode).toBe(422);
    expect(wrongCode.json<{ error: { message: string } }>().error.message).toMatch(/90832/);
    expect(
      (await call('POST', noteUrl(s.sessionId, '/sign'), s.providerCookie, aDraft({ minutes: 12, cptCode: '90832' }))).statusCode,
    ).toBe(422);
    expect((await call('GET', noteUrl(s.sessionId), s.providerCookie)).json<NoteView>().note).toBeNull();

    // Under 16 minutes is still noted, with no code.
    const short = await call('POST', noteUrl(s.sessionId, '/sign'), s.providerCookie, aDraft({ minutes: 12, cptCode: null }));
    expect(short.statusCode, short.body).toBe(200);
    expect(short.json<NoteView>().note).toMatchObject({ status: 'signed', cptCode: null });
  });

  it('are refused before the session starts, for a cancelled session, and amendments before signing', async () => {
    const future = await aSession({ startsIn: 120 });
    expect((await call('GET', noteUrl(future.sessionId), future.providerCookie)).json<NoteView>().writable).toBe(false);
    expect((await call('PUT', noteUrl(future.sessionId), future.providerCookie, aDraft())).statusCode).toBe(409);
    const cancelled = await aSession({ status: 'cancelled' });
    expect((await call('PUT', noteUrl(cancelled.sessionId), cancelled.providerCookie, aDraft())).statusCode).toBe(409);
    const started = await aSession();
    expect(
      (await call('POST', noteUrl(started.sessionId, '/amendments'), started.providerCookie, { text: 'Too early', reason: 'Test' }))
        .statusCode,
    ).toBe(409);
    expect((await call('PUT', noteUrl(started.sessionId), started.providerCookie, aDraft({ plan: 'x'.repeat(10_001) }))).statusCode).toBe(
      400,
    );
  });

  it('are the session provider’s alone: another provider gets 404, a client or an operator 403', async () => {
    const s = await aSession();
    await call('PUT', noteUrl(s.sessionId), s.providerCookie, aDraft());
    const other = await aSession();
    for (const [method, url, payload] of [
      ['GET', noteUrl(s.sessionId), undefined],
      ['PUT', noteUrl(s.sessionId), aDraft()],
      ['POST', noteUrl(s.sessionId, '/sign'), aDraft()],
      ['POST', noteUrl(s.sessionId, '/amendments'), { text: 'a', reason: 'b' }],
      ['PUT', `/api/provider/sessions/${s.sessionId}/psychotherapy-note`, { text: 'mine now' }],
    ] as const) {
      expect((await call(method, url, other.providerCookie, payload)).statusCode, `${method} ${url}`).toBe(404);
      expect((await call(method, url, s.clientCookie, payload)).statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await call('GET', noteUrl(s.sessionId), await signInAsNewAdmin(app))).statusCode).toBe(403);
    // A session that does not exist looks the same as someone else's.
    expect((await call('GET', noteUrl(crypto.randomUUID()), other.providerCookie)).statusCode).toBe(404);
    expect((await call('GET', noteUrl(s.sessionId), s.providerCookie)).json<NoteView>().note?.presentation).toBe(aDraft().presentation);
  });

  it('are sealed at rest, and a signed note cannot be changed even in SQL', async () => {
    const s = await aSession();
    await call('POST', noteUrl(s.sessionId, '/sign'), s.providerCookie, aDraft());
    await call('POST', noteUrl(s.sessionId, '/amendments'), s.providerCookie, {
      text: 'Client later disclosed a panic attack.',
      reason: 'Omitted',
    });
    await call('PUT', `/api/provider/sessions/${s.sessionId}/psychotherapy-note`, s.providerCookie, {
      text: 'Countertransference: reminds me of my brother.',
    });
    const { db } = app.context;
    const rows = [
      ...(await db.selectFrom('progress_notes').select('body_sealed').where('session_id', '=', s.sessionId).execute()),
      ...(await db
        .selectFrom('progress_note_amendments as a')
        .innerJoin('progress_notes as n', 'n.id', 'a.note_id')
        .select('a.body_sealed')
        .where('n.session_id', '=', s.sessionId)
        .execute()),
      ...(await db.selectFrom('psychotherapy_notes').select('body_sealed').where('session_id', '=', s.sessionId).execute()),
    ];
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.body_sealed).toMatch(/^hv1\./);
      expect(row.body_sealed).not.toMatch(/sleep|panic|brother|Omitted/i);
    }

    await expect(sql`UPDATE progress_notes SET minutes = 60 WHERE session_id = ${s.sessionId}`.execute(db)).rejects.toThrow(/signed/);
    await expect(sql`DELETE FROM progress_notes WHERE session_id = ${s.sessionId}`.execute(db)).rejects.toThrow(/signed/);
    await expect(sql`UPDATE progress_note_amendments SET signature = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM progress_note_amendments`.execute(db)).rejects.toThrow(/append-only/);
    expect((await call('GET', noteUrl(s.sessionId), s.providerCookie)).json<NoteView>().note).toMatchObject({ minutes: 50, intact: true });
  });
});

describe('psychotherapy notes', () => {
  it('are kept apart, readable only by their author, and absent from every other view', async () => {
    const s = await aSession();
    const saved = await call('PUT', `/api/provider/sessions/${s.sessionId}/psychotherapy-note`, s.providerCookie, {
      text: 'Hypothesis: grief under the anxiety.',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<NoteView>()).toMatchObject({ note: null, psychotherapyNote: { text: 'Hypothesis: grief under the anxiety.' } });
    const again = await call('PUT', `/api/provider/sessions/${s.sessionId}/psychotherapy-note`, s.providerCookie, {
      text: 'Revised: grief first.',
    });
    expect(again.json<NoteView>().psychotherapyNote?.text).toBe('Revised: grief first.');

    const other = await aSession();
    const stranger = await call('GET', noteUrl(s.sessionId), other.providerCookie);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.body).not.toMatch(/grief/);
    expect((await call('GET', noteUrl(other.sessionId), other.providerCookie)).json<NoteView>().psychotherapyNote).toBeNull();
    const denied = await app.context.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', s.sessionId)
      .where('action', '=', 'progress_note.access_denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(1);
    const audit = await app.context.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('subject_id', '=', s.clientId)
      .execute();
    expect(audit.map((a) => a.action)).toContain('psychotherapy_note.saved');
    expect(JSON.stringify(audit)).not.toMatch(/grief/);
  });
});
