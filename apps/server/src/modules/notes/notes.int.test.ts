import type { NoteView, ProgressNoteDraft } from '@haven/contract';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { aSignedUpClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { insertLiveSession } from '../../testing/live-sessions.ts';
import { aProvider } from '../../testing/network.ts';
import { signInAsNewAdmin } from '../../testing/test-app.ts';

const haven = useTestApp();
const MINUTE = 60_000;
const noteUrl = (sessionId: string, rest = '') => `/api/provider/sessions/${sessionId}/note${rest}`;

/** A signed-in client and provider (Ana Díaz, LPC), and a live session between them `startsIn` minutes from now. */
async function aSession(options: { startsIn?: number; lengthMinutes?: number; status?: 'booked' | 'cancelled' | 'completed' } = {}) {
  const { db } = haven;
  const { cookie: clientCookie, userId } = await aSignedUpClient(haven, { preferredName: 'Jordan' });
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
  const provider = await aProvider(haven, { firstName: 'Ana', lastName: 'Díaz' });
  const sessionId = await insertLiveSession(db, {
    clientId: client.id,
    providerId: provider.id,
    roomId: room.id,
    startsAt: new Date(Date.now() + (options.startsIn ?? -60) * MINUTE),
    lengthMinutes: options.lengthMinutes,
    status: options.status,
  });
  return { sessionId, clientId: client.id, clientCookie, providerCookie: provider.cookie, providerId: provider.id };
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
    const empty = await haven.as(s.providerCookie).get(noteUrl(s.sessionId));
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json<NoteView>()).toMatchObject({
      note: null,
      writable: true,
      defaultMinutes: 50,
      suggestedCpt: '90834',
      session: { clientName: 'Jordan', lengthMinutes: 50 },
    });

    const draft = await haven.as(s.providerCookie).put(noteUrl(s.sessionId), aDraft({ plan: '' }));
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json<NoteView>().note).toMatchObject({ status: 'draft', plan: '', signedAt: null });
    expect(
      (await haven.as(s.providerCookie).put(noteUrl(s.sessionId), aDraft({ minutes: 55, cptCode: '90837' }))).json<NoteView>().note,
    ).toMatchObject({ minutes: 55 });

    const signed = await haven.as(s.providerCookie).post(noteUrl(s.sessionId, '/sign'), aDraft());
    expect(signed.statusCode, signed.body).toBe(200);
    const note = signed.json<NoteView>().note!;
    expect(note).toMatchObject({ status: 'signed', minutes: 50, cptCode: '90834', signature: 'Ana Díaz, LPC', intact: true });
    expect(note.contentSha256).toMatch(/^[0-9a-f]{64}$/);

    const edit = await haven.as(s.providerCookie).put(noteUrl(s.sessionId), aDraft({ plan: 'Changed afterwards' }));
    expect(edit.statusCode).toBe(409);
    expect(edit.json<{ error: { message: string } }>().error.message).toMatch(/signed and locked/);
    expect((await haven.as(s.providerCookie).post(noteUrl(s.sessionId, '/sign'), aDraft())).statusCode).toBe(409);

    for (const n of [1, 2, 3]) {
      const amended = await haven.as(s.providerCookie).post(noteUrl(s.sessionId, '/amendments'), {
        text: `Amendment ${n}`,
        reason: `Reason ${n}`,
      });
      expect(amended.statusCode, amended.body).toBe(200);
    }
    const view = (await haven.as(s.providerCookie).get(noteUrl(s.sessionId))).json<NoteView>();
    expect(view.note).toMatchObject({ plan: aDraft().plan, status: 'signed' });
    expect(view.amendments.map((a) => [a.text, a.reason, a.signature])).toEqual([
      ['Amendment 1', 'Reason 1', 'Ana Díaz, LPC'],
      ['Amendment 2', 'Reason 2', 'Ana Díaz, LPC'],
      ['Amendment 3', 'Reason 3', 'Ana Díaz, LPC'],
    ]);

    const actions = await haven.db
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
    const missing = await haven.as(s.providerCookie).post(noteUrl(s.sessionId, '/sign'), aDraft({ interventions: '  ', plan: '' }));
    expect(missing.statusCode).toBe(422);
    const body = missing.json<{ error: { code: string; message: string; issues: Array<{ field: string }> } }>().error;
    expect(body.code).toBe('note_incomplete');
    expect(body.issues.map((i) => i.field)).toEqual(['interventions', 'plan']);
    expect(body.message).toMatch(/interventions/);

    const wrongCode = await haven.as(s.providerCookie).post(noteUrl(s.sessionId, '/sign'), aDraft({ minutes: 30, cptCode: '90837' }));
    expect(wrongCode.statusCode).toBe(422);
    expect(wrongCode.json<{ error: { message: string } }>().error.message).toMatch(/90832/);
    expect(
      (await haven.as(s.providerCookie).post(noteUrl(s.sessionId, '/sign'), aDraft({ minutes: 12, cptCode: '90832' }))).statusCode,
    ).toBe(422);
    expect((await haven.as(s.providerCookie).get(noteUrl(s.sessionId))).json<NoteView>().note).toBeNull();

    // Under 16 minutes is still noted, with no code.
    const short = await haven.as(s.providerCookie).post(noteUrl(s.sessionId, '/sign'), aDraft({ minutes: 12, cptCode: null }));
    expect(short.statusCode, short.body).toBe(200);
    expect(short.json<NoteView>().note).toMatchObject({ status: 'signed', cptCode: null });
  });

  it('are refused before the session starts, for a cancelled session, and amendments before signing', async () => {
    const future = await aSession({ startsIn: 120 });
    expect((await haven.as(future.providerCookie).get(noteUrl(future.sessionId))).json<NoteView>().writable).toBe(false);
    expect((await haven.as(future.providerCookie).put(noteUrl(future.sessionId), aDraft())).statusCode).toBe(409);
    const cancelled = await aSession({ status: 'cancelled' });
    expect((await haven.as(cancelled.providerCookie).put(noteUrl(cancelled.sessionId), aDraft())).statusCode).toBe(409);
    const started = await aSession();
    expect(
      (await haven.as(started.providerCookie).post(noteUrl(started.sessionId, '/amendments'), { text: 'Too early', reason: 'Test' }))
        .statusCode,
    ).toBe(409);
    expect((await haven.as(started.providerCookie).put(noteUrl(started.sessionId), aDraft({ plan: 'x'.repeat(10_001) }))).statusCode).toBe(
      400,
    );
  });

  it('are the session provider’s alone: another provider gets 404, a client or an operator 403', async () => {
    const s = await aSession();
    await haven.as(s.providerCookie).put(noteUrl(s.sessionId), aDraft());
    const other = await aSession();
    for (const [method, url, payload] of [
      ['GET', noteUrl(s.sessionId), undefined],
      ['PUT', noteUrl(s.sessionId), aDraft()],
      ['POST', noteUrl(s.sessionId, '/sign'), aDraft()],
      ['POST', noteUrl(s.sessionId, '/amendments'), { text: 'a', reason: 'b' }],
      ['PUT', `/api/provider/sessions/${s.sessionId}/psychotherapy-note`, { text: 'mine now' }],
    ] as const) {
      expect((await haven.as(other.providerCookie).request(method, url, payload)).statusCode, `${method} ${url}`).toBe(404);
      expect((await haven.as(s.clientCookie).request(method, url, payload)).statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await haven.as(await signInAsNewAdmin(haven.app)).get(noteUrl(s.sessionId))).statusCode).toBe(403);
    // A session that does not exist looks the same as someone else's.
    expect((await haven.as(other.providerCookie).get(noteUrl(crypto.randomUUID()))).statusCode).toBe(404);
    expect((await haven.as(s.providerCookie).get(noteUrl(s.sessionId))).json<NoteView>().note?.presentation).toBe(aDraft().presentation);
  });

  it('are sealed at rest, and a signed note cannot be changed even in SQL', async () => {
    const s = await aSession();
    await haven.as(s.providerCookie).post(noteUrl(s.sessionId, '/sign'), aDraft());
    await haven.as(s.providerCookie).post(noteUrl(s.sessionId, '/amendments'), {
      text: 'Client later disclosed a panic attack.',
      reason: 'Omitted',
    });
    await haven.as(s.providerCookie).put(`/api/provider/sessions/${s.sessionId}/psychotherapy-note`, {
      text: 'Countertransference: reminds me of my brother.',
    });
    const { db } = haven;
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
    expect((await haven.as(s.providerCookie).get(noteUrl(s.sessionId))).json<NoteView>().note).toMatchObject({ minutes: 50, intact: true });
  });
});

describe('psychotherapy notes', () => {
  it('are kept apart, readable only by their author, and absent from every other view', async () => {
    const s = await aSession();
    const saved = await haven.as(s.providerCookie).put(`/api/provider/sessions/${s.sessionId}/psychotherapy-note`, {
      text: 'Hypothesis: grief under the anxiety.',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<NoteView>()).toMatchObject({ note: null, psychotherapyNote: { text: 'Hypothesis: grief under the anxiety.' } });
    const again = await haven.as(s.providerCookie).put(`/api/provider/sessions/${s.sessionId}/psychotherapy-note`, {
      text: 'Revised: grief first.',
    });
    expect(again.json<NoteView>().psychotherapyNote?.text).toBe('Revised: grief first.');

    const other = await aSession();
    const stranger = await haven.as(other.providerCookie).get(noteUrl(s.sessionId));
    expect(stranger.statusCode).toBe(404);
    expect(stranger.body).not.toMatch(/grief/);
    expect((await haven.as(other.providerCookie).get(noteUrl(other.sessionId))).json<NoteView>().psychotherapyNote).toBeNull();
    const denied = await haven.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', s.sessionId)
      .where('action', '=', 'progress_note.access_denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(1);
    const audit = await haven.db.selectFrom('audit_events').select(['action', 'detail']).where('subject_id', '=', s.clientId).execute();
    expect(audit.map((a) => a.action)).toContain('psychotherapy_note.saved');
    expect(JSON.stringify(audit)).not.toMatch(/grief/);
  });
});
