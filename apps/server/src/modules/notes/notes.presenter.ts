// Rows → contract objects. Sealed bodies are opened by the service and handed in as plaintext.
import type { Amendment, NoteView, ProgressNote, ProgressNoteFields } from '@haven/contract';
import { CPT_MINIMUM_MINUTES, cptForMinutes, psychotherapyCptCodes } from '@haven/domain';
import type * as repo from './notes.repository.ts';

const iso = (at: Date | string) => new Date(at).toISOString();

export const lengthMinutesOf = (session: repo.NoteSession) =>
  Math.round((new Date(session.ends_at).getTime() - new Date(session.starts_at).getTime()) / 60_000);

export function presentProgressNote(row: repo.ProgressNoteRow, fields: ProgressNoteFields, intact: boolean): ProgressNote {
  return {
    ...fields,
    status: row.status,
    minutes: row.minutes,
    cptCode: row.cpt_code,
    updatedAt: iso(row.updated_at),
    signedAt: row.signed_at ? iso(row.signed_at) : null,
    signature: row.signature,
    contentSha256: row.content_sha256,
    intact,
  };
}

export function presentAmendment(row: repo.AmendmentRow, body: { text: string; reason: string }): Amendment {
  return { id: String(row.id), text: body.text, reason: body.reason, signedAt: iso(row.signed_at), signature: row.signature };
}

type Parts = {
  session: repo.NoteSession;
  writable: boolean;
  note: ProgressNote | null;
  amendments: Amendment[];
  psychotherapyNote: { text: string; updatedAt: Date } | null;
};

export function presentNoteView({ session, writable, note, amendments, psychotherapyNote }: Parts): NoteView {
  const defaultMinutes = lengthMinutesOf(session);
  return {
    session: {
      id: session.id,
      clientName: session.client_name,
      startsAt: iso(session.starts_at),
      endsAt: iso(session.ends_at),
      lengthMinutes: defaultMinutes,
      modality: session.modality,
      status: session.status,
      outcome: session.outcome,
    },
    writable,
    note,
    amendments,
    psychotherapyNote: psychotherapyNote && { text: psychotherapyNote.text, updatedAt: iso(psychotherapyNote.updatedAt) },
    defaultMinutes,
    suggestedCpt: cptForMinutes(note?.minutes ?? defaultMinutes),
    cptMinimumMinutes: psychotherapyCptCodes.map((code) => ({ code, minutes: CPT_MINIMUM_MINUTES[code] })),
  };
}
