// Live sessions (PRODUCT §2.5): booking with the current provider, changes by either party,
// joining, the signals two browsers exchange to meet over WebRTC, and the calendars.
import { z } from 'zod';
import { UsState } from './vocabulary.ts';

export const liveModalities = ['video', 'audio', 'chat'] as const;
export const LiveModality = z.enum(liveModalities);
export type LiveModality = z.infer<typeof LiveModality>;

export const LiveStatus = z.enum(['requested', 'booked', 'cancelled', 'completed']);
export type LiveStatus = z.infer<typeof LiveStatus>;
export const LiveOutcome = z.enum([
  'completed',
  'client_no_show',
  'provider_no_show',
  'cancelled_early',
  'cancelled_late',
  'cancelled_by_provider',
  'declined',
]);
export type LiveOutcome = z.infer<typeof LiveOutcome>;

const Instant = z.iso.datetime({ offset: true });
const Reason = z.string().trim().max(500, { error: 'Keep the reason under 500 characters.' });

export const LiveSession = z.object({
  id: z.uuid(),
  /** Shared by every session of a weekly or every-other-week series. */
  seriesId: z.uuid().nullable(),
  roomId: z.uuid(),
  clientId: z.uuid(),
  providerId: z.uuid(),
  clientName: z.string(),
  providerName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  lengthMinutes: z.number().int(),
  /** As booked; `currentModality` is where it is now after any fallback. */
  modality: LiveModality,
  currentModality: LiveModality,
  status: LiveStatus,
  outcome: LiveOutcome.nullable(),
  cancelledBy: z.enum(['client', 'provider']).nullable(),
  changeReason: z.string().nullable(),
  rescheduledFromId: z.uuid().nullable(),
  /** What the client pays for it (copay or session rate); 0 when prepaid or included. */
  costCents: z.number().int(),
  /** A change now is free (24 hours' notice or more). */
  freeChange: z.boolean(),
  joinOpensAt: z.string(),
  /** The join window is open now (10 minutes before the start until the end) and the session is booked. */
  joinable: z.boolean(),
  clientJoinedAt: z.string().nullable(),
  providerJoinedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type LiveSession = z.infer<typeof LiveSession>;

export const LiveSessionList = z.object({ upcoming: z.array(LiveSession), past: z.array(LiveSession) });
export type LiveSessionList = z.infer<typeof LiveSessionList>;

// ── Booking ────────────────────────────────────────────────────────────────────────────────

export const BookingOptionsQuery = z.strictObject({
  from: Instant,
  to: Instant,
  length: z.coerce.number().int().min(15).max(120).optional(),
});
/** Open times with the client's current provider, with what they offer. */
export const BookingOptions = z.object({
  providerId: z.uuid(),
  providerName: z.string(),
  lengths: z.array(z.number().int()),
  lengthMinutes: z.number().int(),
  modalities: z.array(LiveModality),
  minNoticeHours: z.number().int(),
  /** The provider confirms each request themselves (false: bookings are confirmed at once). */
  needsConfirmation: z.boolean(),
  slots: z.array(z.object({ start: z.string(), end: z.string() })),
});
export type BookingOptions = z.infer<typeof BookingOptions>;

export const Recurrence = z.strictObject({
  everyWeeks: z.union([z.literal(1), z.literal(2)]),
  /** Sessions in the series, the first included. */
  count: z.number().int().min(2, { error: 'A series has at least 2 sessions.' }).max(12, { error: 'Book at most 12 sessions at once.' }),
});
export type Recurrence = z.infer<typeof Recurrence>;

export const BookLiveSessionRequest = z.strictObject({
  start: Instant,
  lengthMinutes: z.number().int().min(15).max(120),
  modality: LiveModality,
  /** The estimate the client saw for each session; a changed estimate is refused so they see it again. */
  acceptedCostCents: z.number().int().min(0),
  recurrence: Recurrence.nullable().default(null),
});
export type BookLiveSessionRequest = z.infer<typeof BookLiveSessionRequest>;

export const BookedLiveSessions = z.object({ sessions: z.array(LiveSession) });
export type BookedLiveSessions = z.infer<typeof BookedLiveSessions>;

/** The client confirms the estimate again; a provider moving a session leaves the cost as it was. */
export const RescheduleRequest = z.strictObject({
  start: Instant,
  acceptedCostCents: z.number().int().min(0).optional(),
  reason: Reason.optional(),
});
export type RescheduleRequest = z.infer<typeof RescheduleRequest>;
export const CancelRequest = z.strictObject({ reason: Reason.optional() });
export type CancelRequest = z.infer<typeof CancelRequest>;
export const DecideRequest = z.strictObject({ decision: z.enum(['confirm', 'decline']), reason: Reason.optional() });
export type DecideRequest = z.infer<typeof DecideRequest>;
export const SessionSettings = z.strictObject({ autoConfirm: z.boolean() });
export type SessionSettings = z.infer<typeof SessionSettings>;

// ── Joining ────────────────────────────────────────────────────────────────────────────────

/** The client confirms where they are; the provider must hold a licence there. */
export const JoinRequest = z.strictObject({ locationState: UsState.optional() });
export type JoinRequest = z.infer<typeof JoinRequest>;

export const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export const JoinResult = z.object({
  session: LiveSession,
  role: z.enum(['client', 'provider']),
  iceServers: z.array(IceServer),
});
export type JoinResult = z.infer<typeof JoinResult>;
export const ModalityRequest = z.strictObject({ modality: LiveModality });

// ── Signals, relayed over the live socket between the two people booked ──────────────────

export const Signal = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('description'),
    description: z.strictObject({ type: z.enum(['offer', 'answer', 'pranswer', 'rollback']), sdp: z.string().max(14_000).optional() }),
  }),
  z.strictObject({
    kind: z.literal('candidate'),
    candidate: z
      .strictObject({
        candidate: z.string().max(2_000),
        sdpMid: z.string().max(64).nullable().optional(),
        sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
        usernameFragment: z.string().max(256).nullable().optional(),
      })
      .nullable(),
  }),
  /** The sender changed what they send (a fallback); the receiver follows. */
  z.strictObject({ kind: z.literal('modality'), modality: LiveModality }),
  /** Ask the other side to start over (after a reconnect). */
  z.strictObject({ kind: z.literal('restart') }),
]);
export type Signal = z.infer<typeof Signal>;

export const SessionClientFrames = [
  z.strictObject({ type: z.literal('session.enter'), sessionId: z.uuid() }),
  z.strictObject({ type: z.literal('session.leave'), sessionId: z.uuid() }),
  z.strictObject({ type: z.literal('signal'), sessionId: z.uuid(), signal: Signal }),
] as const;

export type SessionServerFrame =
  | { type: 'session.entered'; sessionId: string; peerPresent: boolean; polite: boolean }
  | { type: 'session.peer'; sessionId: string; present: boolean }
  | { type: 'signal'; sessionId: string; from: 'client' | 'provider'; signal: Signal }
  | { type: 'session.changed'; sessionId: string; session: LiveSession };

// ── Calendars ──────────────────────────────────────────────────────────────────────────────

export const CalendarQuery = z.strictObject({ from: Instant, to: Instant });
export const ProviderCalendar = z.object({
  timeZone: z.string(),
  sessions: z.array(LiveSession),
  /** Published hours as instants in the range, before bookings are taken out. */
  available: z.array(z.object({ start: z.string(), end: z.string() })),
  timeOff: z.array(z.object({ start: z.string(), end: z.string(), note: z.string().nullable() })),
  autoConfirm: z.boolean(),
});
export type ProviderCalendar = z.infer<typeof ProviderCalendar>;
