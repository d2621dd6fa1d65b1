// A client's intake, their match and their care team (PRODUCT §2.1, §2.3).
import { z } from 'zod';
import { TimeZoneName } from './accounts.ts';
import { CoverageChoice } from './coverage.ts';
import { CalendarDate, PublicProviderProfile } from './providers.ts';
import { FocusArea, Gender, LanguageCode, Modality, TherapyApproach, UsState } from './vocabulary.ts';
import { LiveModality } from './sessions.ts';

/** The documents a client accepts; a new text gets a new version and is accepted again. */
export const consentVersions = { telehealth: '2026-11-01', privacy: '2026-11-01' } as const;

export const MINIMUM_AGE = 18;

export const intakeSteps = ['about', 'languages', 'focus', 'preferences', 'phq9', 'gad7', 'coverage', 'consent', 'first_session'] as const;
export const IntakeStep = z.enum(intakeSteps);
export type IntakeStep = z.infer<typeof IntakeStep>;

/** How a client would like to meet: by message, live, or both. The plan decides what is offered. */
export const careFormats = ['messaging', 'live', 'both'] as const;
export const CareFormat = z.enum(careFormats);
export type CareFormat = z.infer<typeof CareFormat>;

export const timesOfDay = ['morning', 'afternoon', 'evening', 'weekend'] as const;
export const TimeOfDay = z.enum(timesOfDay);
export type TimeOfDay = z.infer<typeof TimeOfDay>;

const ScreenerAnswer = z
  .number()
  .int({ error: 'Each answer is 0, 1, 2 or 3.' })
  .min(0, { error: 'Each answer is 0, 1, 2 or 3.' })
  .max(3, { error: 'Each answer is 0, 1, 2 or 3.' });
export const Phq9Answers = z.strictObject({
  items: z.array(ScreenerAnswer).length(9, { error: 'Answer all nine PHQ-9 questions.' }),
  /** "How difficult have these problems made it…": asked only when any item is above 0. */
  difficulty: ScreenerAnswer.nullable().default(null),
});
export type Phq9Answers = z.infer<typeof Phq9Answers>;
export const Gad7Answers = z.strictObject({
  items: z.array(ScreenerAnswer).length(7, { error: 'Answer all seven GAD-7 questions.' }),
});
export type Gad7Answers = z.infer<typeof Gad7Answers>;

export const CarePreferences = z.strictObject({
  providerGender: Gender.nullable().default(null),
  approaches: z.array(TherapyApproach).max(5).default([]),
  careFormat: CareFormat,
  /** Needed when the format is live or both. */
  liveModality: LiveModality.nullable().default(null),
  preferredTimes: z.array(TimeOfDay).default([]),
});
export type CarePreferences = z.infer<typeof CarePreferences>;

export const Consent = z.strictObject({
  telehealthVersion: z.literal(consentVersions.telehealth, { error: 'Please accept the current telehealth consent.' }),
  privacyVersion: z.literal(consentVersions.privacy, { error: 'Please accept the current privacy notice.' }),
});

/** The first live session, picked during intake: booked together with the match, or not at all. */
export const FirstSessionChoice = z.strictObject({
  providerId: z.uuid(),
  start: z.iso.datetime({ offset: true }),
  lengthMinutes: z.number().int().min(15).max(120),
});
export type FirstSessionChoice = z.infer<typeof FirstSessionChoice>;

const Languages = z.array(LanguageCode).max(5);

/** Every answer, each optional so a half-finished intake can be saved and resumed. */
export const IntakeAnswers = z.strictObject({
  state: UsState.optional(),
  dateOfBirth: CalendarDate.optional(),
  timeZone: TimeZoneName.optional(),
  requiredLanguages: Languages.min(1, { error: 'Choose at least one language you need your provider to speak.' }).optional(),
  preferredLanguages: Languages.optional(),
  focusAreas: z
    .array(FocusArea)
    .min(1, { error: 'Choose at least one thing you would like help with.' })
    .max(6, { error: 'Choose up to six.' })
    .optional(),
  preferences: CarePreferences.optional(),
  phq9: Phq9Answers.optional(),
  gad7: Gad7Answers.optional(),
  /** The explicit "I am in crisis right now" answer. */
  inCrisis: z.boolean().optional(),
  /** How the client pays: a direct plan, an organisation (EAP) code, or a health plan. */
  coverage: CoverageChoice.optional(),
  consent: Consent.optional(),
});
export type IntakeAnswers = z.infer<typeof IntakeAnswers>;

export const SaveIntakeRequest = z.strictObject({ step: IntakeStep, answers: IntakeAnswers });
export type SaveIntakeRequest = z.infer<typeof SaveIntakeRequest>;

export const SubmitIntakeRequest = z.strictObject({ firstSession: FirstSessionChoice.nullable().default(null) });
export type SubmitIntakeRequest = z.infer<typeof SubmitIntakeRequest>;

export const Severity = z.enum(['none_minimal', 'minimal', 'mild', 'moderate', 'moderately_severe', 'severe']);
export type Severity = z.infer<typeof Severity>;
export const ScreenerScore = z.object({ total: z.number(), band: Severity });

/** What the intake page needs to resume: the step reached and what was answered so far. */
export const IntakeState = z.object({
  step: IntakeStep,
  answers: IntakeAnswers,
  submitted: z.boolean(),
  /** True once any answer says crisis: the page keeps crisis resources in view. */
  showCrisisResources: z.boolean(),
  scores: z.object({ phq9: ScreenerScore.nullable(), gad7: ScreenerScore.nullable() }),
  consentVersions: z.object({ telehealth: z.string(), privacy: z.string() }),
});
export type IntakeState = z.infer<typeof IntakeState>;

/** Why a provider was suggested, as data the web words in the client's language. */
export const MatchReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('licensed_in'), state: UsState }),
  z.object({ kind: z.literal('speaks'), language: z.string() }),
  z.object({ kind: z.literal('focus'), areas: z.array(FocusArea) }),
  z.object({ kind: z.literal('gender'), gender: Gender }),
  z.object({ kind: z.literal('approach'), approaches: z.array(TherapyApproach) }),
  z.object({ kind: z.literal('times'), times: z.array(TimeOfDay) }),
  z.object({ kind: z.literal('light_caseload') }),
  z.object({ kind: z.literal('good_outcomes'), improved: z.number().int().nonnegative(), similar: z.number().int().positive() }),
]);
export type MatchReason = z.infer<typeof MatchReason>;

export const matchRoutes = ['instant', 'batch', 'by_name', 'first_session', 'switch', 'provider_left'] as const;
export const MatchRoute = z.enum(matchRoutes);

/** A hard rule a requested provider fails, named so the page can say it plainly. */
export const hardRules = ['inactive', 'not_licensed_in_state', 'language', 'coverage', 'modality', 'no_capacity'] as const;
export const HardRuleName = z.enum(hardRules);
export type HardRuleName = z.infer<typeof HardRuleName>;

export const BookedSession = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  modality: Modality,
  /** What the client pays for it (copay or session rate); 0 when prepaid or included. */
  costCents: z.number().int(),
  /** Cancelling now returns the session (24 hours' notice or more). */
  freeCancellation: z.boolean(),
});
export type BookedSession = z.infer<typeof BookedSession>;

export const CareTeamMember = z.object({
  assignmentId: z.uuid(),
  provider: PublicProviderProfile,
  reasons: z.array(MatchReason),
  since: z.string(),
  route: MatchRoute,
  /** May this provider read the conversation from before they joined? The client decides. */
  mayReadEarlierConversation: z.boolean(),
});
export type CareTeamMember = z.infer<typeof CareTeamMember>;

export const CareState = z.object({
  /** False until the intake is submitted. */
  intakeSubmitted: z.boolean(),
  roomId: z.uuid().nullable(),
  current: CareTeamMember.nullable(),
  queue: z
    .object({
      since: z.string(),
      position: z.number(),
      /** Whole days, or null when there is no honest number to give yet. */
      estimateDays: z.number().nullable(),
      reason: z.enum(['no_capacity', 'switch', 'provider_left']),
    })
    .nullable(),
  previous: z.array(
    z.object({
      assignmentId: z.uuid(),
      providerName: z.string(),
      from: z.string(),
      to: z.string(),
      endReason: z.enum(['switch', 'provider_left', 'closed']),
    }),
  ),
  sessions: z.array(BookedSession),
  notices: z.array(z.object({ id: z.string(), kind: z.enum(['provider_left']), at: z.string(), providerName: z.string() })),
});
export type CareState = z.infer<typeof CareState>;

export const RequestProviderByName = z.strictObject({
  firstName: z.string().trim().min(1, { error: 'Enter the first name.' }).max(100),
  lastName: z.string().trim().min(1, { error: 'Enter the last name.' }).max(100),
  mayReadEarlierConversation: z.boolean().default(false),
});
export type RequestProviderByName = z.infer<typeof RequestProviderByName>;

export const SwitchProviderRequest = z.strictObject({
  /** The assignment being left, so a repeated click cannot switch twice. */
  fromAssignmentId: z.uuid(),
  reason: z.string().trim().max(1000).optional(),
  mayReadEarlierConversation: z.boolean(),
});
export type SwitchProviderRequest = z.infer<typeof SwitchProviderRequest>;

/** Asking for someone by name is not an error when they cannot take you: the page explains why. */
export const RequestByNameResult = z.discriminatedUnion('matched', [
  z.object({ matched: z.literal(true), care: CareState }),
  z.object({ matched: z.literal(false), providerName: z.string(), failures: z.array(HardRuleName) }),
]);
export type RequestByNameResult = z.infer<typeof RequestByNameResult>;

export const HistoryAccessRequest = z.strictObject({ assignmentId: z.uuid(), mayReadEarlierConversation: z.boolean() });
export type HistoryAccessRequest = z.infer<typeof HistoryAccessRequest>;

export const FirstSessionSlotsQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});
export const FirstSessionSlots = z.object({
  providers: z.array(
    z.object({
      provider: PublicProviderProfile,
      reasons: z.array(MatchReason),
      lengthMinutes: z.number(),
      slots: z.array(z.object({ start: z.string(), end: z.string() })),
    }),
  ),
});
export type FirstSessionSlots = z.infer<typeof FirstSessionSlots>;

// ── Operations ─────────────────────────────────────────────────────────────────────────────

export const MatchingOverview = z.object({
  queue: z.object({
    size: z.number(),
    longestWaiting: z.array(
      z.object({
        clientId: z.uuid(),
        name: z.string(),
        state: UsState,
        requiredLanguages: z.array(z.string()),
        since: z.string(),
        reason: z.enum(['no_capacity', 'switch', 'provider_left']),
      }),
    ),
  }),
  timeToMatch: z.object({
    windowDays: z.number(),
    matches: z.number(),
    medianSeconds: z.number().nullable(),
    p90Seconds: z.number().nullable(),
  }),
  lastBatch: z.object({ at: z.string(), assigned: z.number(), stillWaiting: z.number() }).nullable(),
});
export type MatchingOverview = z.infer<typeof MatchingOverview>;

export const safetyReasons = ['phq9_item9', 'self_reported_crisis'] as const;
export const SafetyFlag = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  clientEmail: z.string(),
  state: UsState,
  reasons: z.array(z.enum(safetyReasons)),
  /** The PHQ-9 item 9 answer (0–3) when that raised the flag. */
  item9: z.number().nullable(),
  raisedAt: z.string(),
  followedUpAt: z.string().nullable(),
  followUpNote: z.string().nullable(),
});
export type SafetyFlag = z.infer<typeof SafetyFlag>;
export const SafetyFlags = z.object({ flags: z.array(SafetyFlag) });
export const SafetyFollowUp = z.strictObject({
  note: z.string().trim().min(1, { error: 'Say what was done (for example "called the client, safety plan agreed").' }).max(2000),
});
