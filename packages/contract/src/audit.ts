import { z } from 'zod';
import { Message } from './room.ts';

// ── The audit trail as operators search it (the console's Audit page) ────────────────────────

/** The last check of the audit chain (npm run audit:verify, the worker's daily run, or "Verify now"). */
export const AuditVerificationView = z.object({
  at: z.string(),
  intact: z.boolean(),
  chained: z.number().int(),
  unchained: z.number().int(),
  checkpoints: z.number().int(),
  firstBroken: z.string().nullable(),
  problem: z.string().nullable(),
});
export type AuditVerificationView = z.infer<typeof AuditVerificationView>;
export const AuditStatus = z.object({ last: AuditVerificationView.nullable() });
export type AuditStatus = z.infer<typeof AuditStatus>;

const dateTime = z.iso.datetime({ offset: true, error: 'Give a date and time like 2026-12-01T09:00:00Z.' });

export const AuditSearchQuery = z.strictObject({
  /** Who acted: an account id. */
  actor: z.uuid({ error: 'actor is an account id.' }).optional(),
  /** Whose record: the client's account id. */
  client: z.uuid({ error: 'client is an account id.' }).optional(),
  /** An action, or the start of one (`room.` finds every room action). */
  action: z
    .string()
    .trim()
    .regex(/^[a-z_.]{1,60}$/, { error: 'An action is lower-case words joined by dots, like room.viewed.' })
    .optional(),
  from: dateTime.optional(),
  to: dateTime.optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  /** Paging: entries older than this sequence number. */
  before: z.coerce.number().int().positive().optional(),
});
export type AuditSearchQuery = z.infer<typeof AuditSearchQuery>;

export const AuditSearchEntry = z.object({
  seq: z.string(),
  at: z.string(),
  actor: z.object({ id: z.uuid().nullable(), label: z.string() }),
  ip: z.string().nullable(),
  action: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  client: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  outcome: z.enum(['allowed', 'denied']),
  reason: z.string().nullable(),
});
export type AuditSearchEntry = z.infer<typeof AuditSearchEntry>;
export const AuditSearchResult = z.object({ entries: z.array(AuditSearchEntry), nextBefore: z.string().nullable() });
export type AuditSearchResult = z.infer<typeof AuditSearchResult>;

// ── Who saw my record (a client's own page) ──────────────────────────────────────────────────

/** What part of the record was opened, in words the web turns into a sentence. */
export const recordParts = ['messages', 'media', 'intake', 'notes', 'sessions', 'safety', 'coverage', 'care', 'record', 'other'] as const;
export const RecordPart = z.enum(recordParts);
export type RecordPart = z.infer<typeof RecordPart>;

/** One person's opening of one part of the record on one day (many views a day are one line). */
export const RecordAccess = z.object({
  day: z.string(),
  firstAt: z.string(),
  lastAt: z.string(),
  times: z.number().int(),
  who: z.object({ name: z.string(), role: z.enum(['provider', 'admin', 'system']) }),
  part: RecordPart,
  /** Opened by an operator under break-glass: the reason they gave and the window. */
  breakGlass: z.object({ reason: z.string(), openedAt: z.string(), expiresAt: z.string() }).nullable(),
});
export type RecordAccess = z.infer<typeof RecordAccess>;
export const RecordAccessList = z.object({ entries: z.array(RecordAccess) });
export type RecordAccessList = z.infer<typeof RecordAccessList>;

// ── Break-glass: an operator reads one client's room, for a recorded reason, for a while ────

export const BreakGlassRequest = z.strictObject({
  clientId: z.uuid({ error: 'Choose the client.' }),
  reason: z
    .string()
    .trim()
    .min(20, { error: 'Say why you must read this conversation (at least 20 characters). The client will see it.' })
    .max(1000),
  minutes: z.number().int().min(5).max(240).default(60),
});
export type BreakGlassRequest = z.infer<typeof BreakGlassRequest>;

export const BreakGlassGrant = z.object({
  id: z.uuid(),
  client: z.object({ id: z.uuid(), name: z.string() }),
  operator: z.object({ id: z.uuid(), name: z.string() }),
  reason: z.string(),
  openedAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  /** Still readable now. */
  open: z.boolean(),
  review: z.object({ by: z.string(), at: z.string(), note: z.string() }).nullable(),
});
export type BreakGlassGrant = z.infer<typeof BreakGlassGrant>;
export const BreakGlassList = z.object({ grants: z.array(BreakGlassGrant) });
export type BreakGlassList = z.infer<typeof BreakGlassList>;

const reviewNote = z.string().trim().min(10, { error: 'Say what you checked (at least 10 characters).' }).max(1000);
export const BreakGlassReview = z.strictObject({ note: reviewNote });
/** The review note as the console's reason form checks it. */
export const BreakGlassReviewForm = z.object({ reason: reviewNote });
export type BreakGlassReview = z.infer<typeof BreakGlassReview>;

/** The room as break-glass shows it: read-only; attachments are listed, never opened. */
export const BreakGlassRoom = z.object({
  grant: BreakGlassGrant,
  messages: z.array(Message),
  hasEarlier: z.boolean(),
});
export type BreakGlassRoom = z.infer<typeof BreakGlassRoom>;
export const BreakGlassRoomQuery = z.strictObject({ before: z.coerce.number().int().positive().optional() });
