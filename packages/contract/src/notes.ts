// Notes of a live session (PRODUCT §2.5, §3): the progress note — part of the client's record,
// a draft until the provider signs it, then locked with amendments added after — and the
// psychotherapy note, the provider's own working notes, kept apart and never exported.
import { z } from 'zod';
import { LiveModality, LiveOutcome, LiveStatus } from './sessions.ts';

export const cptCodes = ['90832', '90834', '90837'] as const;
export const CptCode = z.enum(cptCodes);
export type CptCode = z.infer<typeof CptCode>;

export const NOTE_TEXT_MAX = 10_000;
export const NOTE_REASON_MAX = 1_000;
export const PSYCHOTHERAPY_NOTE_MAX = 20_000;
/** Psychotherapy minutes a note may record. */
export const NOTE_MINUTES_MAX = 240;

const noteText = (what: string) =>
  z
    .string()
    .trim()
    .max(NOTE_TEXT_MAX, { error: `Keep the ${what} under 10,000 characters.` });

/** What a progress note says; empty strings until written. `risk` (safety observations) is optional. */
export const ProgressNoteFields = z.strictObject({
  presentation: noteText('presentation'),
  interventions: noteText('interventions'),
  plan: noteText('plan'),
  risk: noteText('risk and safety observations'),
});
export type ProgressNoteFields = z.infer<typeof ProgressNoteFields>;

/** The note as the provider is writing it; also what signing locks. */
export const ProgressNoteDraft = ProgressNoteFields.extend({
  minutes: z
    .number({ error: 'Enter the psychotherapy minutes as a whole number.' })
    .int({ error: 'Enter the psychotherapy minutes as a whole number.' })
    .min(0, { error: 'Minutes cannot be negative.' })
    .max(NOTE_MINUTES_MAX, { error: `Enter at most ${NOTE_MINUTES_MAX} minutes.` }),
  /** Null when the minutes are under 16: not billable as psychotherapy. */
  cptCode: CptCode.nullable(),
});
export type ProgressNoteDraft = z.infer<typeof ProgressNoteDraft>;

export const AmendmentInput = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, { error: 'Write the amendment.' })
    .max(NOTE_TEXT_MAX, { error: 'Keep the amendment under 10,000 characters.' }),
  reason: z
    .string()
    .trim()
    .min(1, { error: 'Say why the note is being amended.' })
    .max(NOTE_REASON_MAX, { error: 'Keep the reason under 1,000 characters.' }),
});
export type AmendmentInput = z.infer<typeof AmendmentInput>;

export const PsychotherapyNoteInput = z.strictObject({
  text: z.string().max(PSYCHOTHERAPY_NOTE_MAX, { error: 'Keep psychotherapy notes under 20,000 characters.' }),
});
export type PsychotherapyNoteInput = z.infer<typeof PsychotherapyNoteInput>;

export const ProgressNote = ProgressNoteFields.extend({
  status: z.enum(['draft', 'signed']),
  minutes: z.number().int(),
  cptCode: CptCode.nullable(),
  updatedAt: z.string(),
  signedAt: z.string().nullable(),
  /** The provider's full name and credentials as printed under the signed note. */
  signature: z.string().nullable(),
  /** SHA-256 of the note's content when signed, and whether the content still matches it. */
  contentSha256: z.string().nullable(),
  intact: z.boolean(),
});
export type ProgressNote = z.infer<typeof ProgressNote>;

export const Amendment = z.object({ id: z.string(), text: z.string(), reason: z.string(), signedAt: z.string(), signature: z.string() });
export type Amendment = z.infer<typeof Amendment>;

export const NoteView = z.object({
  session: z.object({
    id: z.uuid(),
    clientName: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    lengthMinutes: z.number().int(),
    modality: LiveModality,
    status: LiveStatus,
    outcome: LiveOutcome.nullable(),
  }),
  /** A note can be written once the session has started, unless it was cancelled. */
  writable: z.boolean(),
  note: ProgressNote.nullable(),
  /** Oldest first. */
  amendments: z.array(Amendment),
  /** Only ever sent to the provider who wrote it. */
  psychotherapyNote: z.object({ text: z.string(), updatedAt: z.string() }).nullable(),
  /** Minutes a new note starts with: the session's length. */
  defaultMinutes: z.number().int(),
  /** The code the note's minutes (or the default) call for; null under 16 minutes. */
  suggestedCpt: CptCode.nullable(),
  /** The fewest minutes each code needs, so a form can suggest a code as minutes change. */
  cptMinimumMinutes: z.array(z.object({ code: CptCode, minutes: z.number().int() })),
});
export type NoteView = z.infer<typeof NoteView>;
