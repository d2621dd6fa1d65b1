// Notes of a live session (PRODUCT §2.5, §3). Only the session's own provider reads or writes
// them; anyone else is told the session does not exist. The progress note is a draft until
// signed, then locked (the database refuses any change to a signed row) with amendments added
// after. The psychotherapy note is the author's alone. Every text is sealed under the client's
// data key, and every read and write is audited against the client.
import { createHash } from 'node:crypto';
import type { AmendmentInput, FieldIssue, NoteView, ProgressNoteDraft, ProgressNoteFields, PsychotherapyNoteInput } from '@haven/contract';
import { cptForMinutes } from '@haven/domain';
import type { Caller } from '../../caller.ts';
import { recordAudit, recordRead } from '../../platform/audit/audit.ts';
import type { Sealer } from '../../platform/crypto/envelope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { providerOf } from '../providers/providers.service.ts';
import { presentAmendment, presentNoteView, presentProgressNote } from './notes.presenter.ts';
import * as repo from './notes.repository.ts';

type Provider = Awaited<ReturnType<typeof providerOf>>;
type Author = { provider: Provider; session: repo.NoteSession };

const clientSubject = (clientId: string) => ({ type: 'client', id: clientId });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
// Each ciphertext is bound to its session (one note of each kind per session) or, for amendments, its note.
const noteSeal = (sessionId: string) => ({ table: 'progress_notes', row: sessionId, field: 'body' });
const privateSeal = (sessionId: string) => ({ table: 'psychotherapy_notes', row: sessionId, field: 'body' });
const amendmentSeal = (noteId: string) => ({ table: 'progress_note_amendments', row: noteId, field: 'body' });

/** The provider's name and credentials as printed under what they sign. */
const signatureOf = (provider: Provider) => [`${provider.first_name} ${provider.last_name}`.trim(), ...provider.credentials].join(', ');

/** The session, when the signed-in provider is its provider; a 404 for anyone else, audited. */
async function authorOf({ db, user, actor }: Caller, sessionId: string): Promise<Author> {
  const provider = await providerOf(db, user);
  const session = await repo.sessionOfProvider(db, sessionId, provider.id);
  if (session) return { provider, session };
  await db
    .transaction()
    .execute((trx) => recordAudit(trx, { actor, action: 'progress_note.access_denied', subject: { type: 'live_session', id: sessionId } }));
  throw new AppError('not_found', 'There is no such session among yours.');
}

// A session both people joined early can be held, and ended, before its booked start.
const isWritable = (session: repo.NoteSession, now: Date) =>
  session.status === 'completed' || (session.status !== 'cancelled' && new Date(session.starts_at) <= now);

function requireWritable(session: repo.NoteSession, now: Date): void {
  if (session.status === 'cancelled') throw new AppError('conflict', 'This session was cancelled, so it has no notes.');
  if (!isWritable(session, now)) throw new AppError('conflict', 'Notes can be written once the session has started.');
}

async function buildView({ db, deps, now }: Caller, { provider, session }: Author): Promise<NoteView> {
  const { sealer } = deps;
  const [row, privateRow] = await Promise.all([repo.progressNote(db, session.id), repo.psychotherapyNote(db, session.id, provider.id)]);
  let note = null;
  let amendments: NoteView['amendments'] = [];
  if (row) {
    const plaintext = await sealer.open(session.client_id, row.body_sealed, noteSeal(session.id));
    note = presentProgressNote(
      row,
      JSON.parse(plaintext) as ProgressNoteFields,
      row.content_sha256 === null || row.content_sha256 === sha256(plaintext),
    );
    const rows = await repo.amendmentsOf(db, row.id);
    amendments = await Promise.all(
      rows.map(async (a) =>
        presentAmendment(
          a,
          JSON.parse(await sealer.open(session.client_id, a.body_sealed, amendmentSeal(row.id))) as { text: string; reason: string },
        ),
      ),
    );
  }
  const psychotherapyNote = privateRow
    ? { text: await sealer.open(session.client_id, privateRow.body_sealed, privateSeal(session.id)), updatedAt: privateRow.updated_at }
    : null;
  return presentNoteView({ session, writable: isWritable(session, now), note, amendments, psychotherapyNote });
}

export async function noteView(caller: Caller, sessionId: string): Promise<NoteView> {
  const author = await authorOf(caller, sessionId);
  const view = await buildView(caller, author);
  await recordRead(
    caller.db,
    caller.actor,
    'session_notes.viewed',
    { clients: [author.session.client_id] },
    { sessionId, progressNote: view.note !== null, psychotherapyNote: view.psychotherapyNote !== null },
  );
  return view;
}

const signedAlready = () => new AppError('conflict', 'This note is signed and locked. Add an amendment instead.');
const fieldsOf = (draft: ProgressNoteDraft): ProgressNoteFields => ({
  presentation: draft.presentation,
  interventions: draft.interventions,
  plan: draft.plan,
  risk: draft.risk,
});

/** What stops a draft from being signed, one issue per field. */
function missingForSignature(draft: ProgressNoteDraft): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!draft.presentation) issues.push({ field: 'presentation', message: 'Describe how the client presented.' });
  if (!draft.interventions) issues.push({ field: 'interventions', message: 'Describe the interventions used.' });
  if (!draft.plan) issues.push({ field: 'plan', message: 'Write the plan.' });
  const expected = cptForMinutes(draft.minutes);
  if (draft.cptCode !== expected) {
    issues.push({
      field: 'cptCode',
      message: expected
        ? `${draft.minutes} minutes of psychotherapy call for code ${expected}.`
        : 'Under 16 minutes is not billable as psychotherapy: choose no code.',
    });
  }
  return issues;
}

/** Saves the draft — and signs it, when asked — under the note's row lock. */
async function write(caller: Caller, author: Author, draft: ProgressNoteDraft, sign: boolean): Promise<void> {
  const { db, deps, actor, now } = caller;
  const { sealer } = deps;
  const { session, provider } = author;
  requireWritable(session, now);
  if ((await repo.progressNote(db, session.id))?.status === 'signed') throw signedAlready();
  if (sign) {
    const issues = missingForSignature(draft);
    if (issues.length)
      throw new AppError('note_incomplete', `The note cannot be signed yet: ${issues.map((i) => i.message).join(' ')}`, issues);
  }
  const plaintext = JSON.stringify(fieldsOf(draft));
  const body = await sealer.seal(session.client_id, plaintext, noteSeal(session.id));
  const change = { body_sealed: body, minutes: draft.minutes, cpt_code: draft.cptCode };
  await db.transaction().execute(async (trx) => {
    let row = await repo.lockProgressNote(trx, session.id);
    if (!row) {
      await repo.insertProgressNote(trx, {
        ...change,
        session_id: session.id,
        client_id: session.client_id,
        provider_id: provider.id,
        modality: session.modality,
        updated_at: now,
      });
      row = await repo.lockProgressNote(trx, session.id);
    } else if (row.status === 'signed') {
      throw signedAlready();
    } else {
      row = await repo.updateDraft(trx, row.id, change, now);
    }
    if (sign) await repo.markSigned(trx, row!.id, { signature: signatureOf(provider), content_sha256: sha256(plaintext) }, now);
    await recordAudit(trx, {
      actor,
      action: sign ? 'progress_note.signed' : 'progress_note.saved',
      subject: clientSubject(session.client_id),
      detail: { sessionId: session.id, minutes: draft.minutes, cptCode: draft.cptCode },
    });
  });
}

/** Saves the draft, and signs it when asked, then answers the note as it now stands. */
async function saveNote(caller: Caller, sessionId: string, draft: ProgressNoteDraft, sign: boolean): Promise<NoteView> {
  const author = await authorOf(caller, sessionId);
  await write(caller, author, draft, sign);
  return buildView(caller, author);
}

export const saveDraft = (caller: Caller, sessionId: string, draft: ProgressNoteDraft) => saveNote(caller, sessionId, draft, false);
export const signNote = (caller: Caller, sessionId: string, draft: ProgressNoteDraft) => saveNote(caller, sessionId, draft, true);

export async function addAmendment(caller: Caller, sessionId: string, input: AmendmentInput): Promise<NoteView> {
  const { db, deps, actor, now } = caller;
  const { sealer } = deps;
  const author = await authorOf(caller, sessionId);
  const { session, provider } = author;
  const note = await repo.progressNote(db, session.id);
  if (note?.status !== 'signed')
    throw new AppError('conflict', 'Amendments are added to a signed note. Until it is signed, edit the draft.');
  const body = await sealer.seal(session.client_id, JSON.stringify({ text: input.text, reason: input.reason }), amendmentSeal(note.id));
  await db.transaction().execute(async (trx) => {
    await repo.insertAmendment(trx, {
      note_id: note.id,
      provider_id: provider.id,
      body_sealed: body,
      signed_at: now,
      signature: signatureOf(provider),
    });
    await recordAudit(trx, {
      actor,
      action: 'progress_note.amended',
      subject: clientSubject(session.client_id),
      detail: { sessionId: session.id },
    });
  });
  return buildView(caller, author);
}

export async function savePsychotherapyNote(caller: Caller, sessionId: string, input: PsychotherapyNoteInput): Promise<NoteView> {
  const { db, deps, actor, now } = caller;
  const { sealer } = deps;
  const author = await authorOf(caller, sessionId);
  const { session, provider } = author;
  requireWritable(session, now);
  const body = await sealer.seal(session.client_id, input.text, privateSeal(session.id));
  await db.transaction().execute(async (trx) => {
    const row = await repo.upsertPsychotherapyNote(
      trx,
      { session_id: session.id, provider_id: provider.id, client_id: session.client_id, body_sealed: body },
      now,
    );
    if (!row) throw new AppError('not_found', 'There is no such session among yours.');
    await recordAudit(trx, {
      actor,
      action: 'psychotherapy_note.saved',
      subject: clientSubject(session.client_id),
      detail: { sessionId: session.id },
    });
  });
  return buildView(caller, author);
}

/** A signed progress note as it goes into the client's own record. */
export type SignedProgressNote = {
  id: string;
  sessionId: string;
  providerId: string;
  fields: ProgressNoteFields;
  minutes: number;
  cptCode: string | null;
  signature: string;
  signedAt: Date;
  contentSha256: string | null;
  amendments: Array<{ text: string; reason: string; signature: string; signedAt: Date }>;
};

/**
 * The client's signed progress notes with their amendments, opened for the client's export.
 * Drafts stay with their author, and psychotherapy notes are never read here: they are not part
 * of the client's record (PRODUCT §3). The caller decides who may read them, and records the read.
 */
export async function signedNotesOfClient(db: Db, sealer: Sealer, clientId: string): Promise<SignedProgressNote[]> {
  const rows = await repo.signedNotesOfClient(db, clientId);
  return Promise.all(
    rows.map(async (row) => {
      const fields = JSON.parse(await sealer.open(clientId, row.body_sealed, noteSeal(row.session_id))) as ProgressNoteFields;
      const amendments = await Promise.all(
        (await repo.amendmentsOf(db, row.id)).map(async (a) => ({
          ...(JSON.parse(await sealer.open(clientId, a.body_sealed, amendmentSeal(row.id))) as { text: string; reason: string }),
          signature: a.signature,
          signedAt: a.signed_at,
        })),
      );
      return {
        id: row.id,
        sessionId: row.session_id,
        providerId: row.provider_id,
        fields,
        minutes: row.minutes,
        cptCode: row.cpt_code,
        signature: row.signature ?? '',
        signedAt: row.signed_at ?? row.updated_at,
        contentSha256: row.content_sha256,
        amendments,
      };
    }),
  );
}
