import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ProgressNoteAmendmentsTable, ProgressNotesTable, PsychotherapyNotesTable } from '../../platform/db/schema.ts';

export type ProgressNoteRow = Selectable<ProgressNotesTable>;
export type AmendmentRow = Selectable<ProgressNoteAmendmentsTable>;
export type PsychotherapyNoteRow = Selectable<PsychotherapyNotesTable>;

/** A live session of this provider, with its client's name; undefined for anyone else's. */
export function sessionOfProvider(db: Db, sessionId: string, providerId: string) {
  return db
    .selectFrom('live_sessions as s')
    .innerJoin('clients as c', 'c.id', 's.client_id')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select([
      's.id',
      's.client_id',
      's.provider_id',
      's.starts_at',
      's.ends_at',
      's.modality',
      's.status',
      's.outcome',
      'u.preferred_name as client_name',
    ])
    .where('s.id', '=', sessionId)
    .where('s.provider_id', '=', providerId)
    .executeTakeFirst();
}
export type NoteSession = NonNullable<Awaited<ReturnType<typeof sessionOfProvider>>>;

export function progressNote(db: Db, sessionId: string): Promise<ProgressNoteRow | undefined> {
  return db.selectFrom('progress_notes').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
}

/** The note under its row lock, so a save and a signature never cross. */
export function lockProgressNote(trx: Db, sessionId: string): Promise<ProgressNoteRow | undefined> {
  return trx.selectFrom('progress_notes').selectAll().where('session_id', '=', sessionId).forUpdate().executeTakeFirst();
}

/** Starts a session's note unless a concurrent save already did; lock it afterwards either way. */
export async function insertProgressNote(trx: Db, row: Insertable<ProgressNotesTable>): Promise<void> {
  await trx
    .insertInto('progress_notes')
    .values(row)
    .onConflict((oc) => oc.column('session_id').doNothing())
    .execute();
}

type DraftChange = Pick<ProgressNoteRow, 'body_sealed' | 'minutes' | 'cpt_code'>;

export function updateDraft(trx: Db, noteId: string, change: DraftChange, now: Date): Promise<ProgressNoteRow> {
  return trx
    .updateTable('progress_notes')
    .set({ ...change, updated_at: now })
    .where('id', '=', noteId)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function markSigned(
  trx: Db,
  noteId: string,
  signature: { signature: string; content_sha256: string },
  now: Date,
): Promise<ProgressNoteRow> {
  return trx
    .updateTable('progress_notes')
    .set({ ...signature, status: 'signed', signed_at: now, updated_at: now })
    .where('id', '=', noteId)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function amendmentsOf(db: Db, noteId: string): Promise<AmendmentRow[]> {
  return db.selectFrom('progress_note_amendments').selectAll().where('note_id', '=', noteId).orderBy('id').execute();
}

export function insertAmendment(trx: Db, row: Insertable<ProgressNoteAmendmentsTable>): Promise<AmendmentRow> {
  return trx.insertInto('progress_note_amendments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The psychotherapy note of a session, only when this provider wrote it. */
export function psychotherapyNote(db: Db, sessionId: string, providerId: string): Promise<PsychotherapyNoteRow | undefined> {
  return db
    .selectFrom('psychotherapy_notes')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('provider_id', '=', providerId)
    .executeTakeFirst();
}

/** Undefined when the session's note belongs to another provider (it is then left alone). */
export function upsertPsychotherapyNote(
  trx: Db,
  row: { session_id: string; provider_id: string; client_id: string; body_sealed: string },
  now: Date,
): Promise<PsychotherapyNoteRow | undefined> {
  return trx
    .insertInto('psychotherapy_notes')
    .values({ ...row, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('session_id')
        .doUpdateSet({ body_sealed: row.body_sealed, updated_at: now })
        // Never overwrite another provider's note, whatever happens to the session.
        .where('psychotherapy_notes.provider_id', '=', row.provider_id),
    )
    .returningAll()
    .executeTakeFirst();
}

/** A client's signed progress notes, oldest first. Drafts and psychotherapy notes are not among them. */
export function signedNotesOfClient(db: Db, clientId: string): Promise<ProgressNoteRow[]> {
  return db
    .selectFrom('progress_notes')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('status', '=', 'signed')
    .orderBy('signed_at')
    .execute();
}
