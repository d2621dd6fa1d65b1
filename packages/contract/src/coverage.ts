// How a client pays and what counts as a session (PRODUCT §2.2): direct plans, EAP credits and
// health plans, one append-only ledger behind all three.
import { z } from 'zod';
import { LiveModality, LiveOutcome, LiveStatus } from './sessions.ts';
import { CalendarDate } from './providers.ts';

export const directPlans = ['messaging', 'messaging_live', 'live'] as const;
export const DirectPlan = z.enum(directPlans);
export type DirectPlan = z.infer<typeof DirectPlan>;

export const PlanOffer = z.object({
  plan: DirectPlan,
  monthlyPriceCents: z.number().int(),
  /** Live sessions included each month; they do not roll over. 0 for Messaging. */
  liveSessionsPerMonth: z.number().int(),
  messaging: z.boolean(),
});
export type PlanOffer = z.infer<typeof PlanOffer>;
export const PlanCatalogue = z.object({ plans: z.array(PlanOffer) });
export type PlanCatalogue = z.infer<typeof PlanCatalogue>;
export const PlanOfferUpdate = z.strictObject({
  monthlyPriceCents: z.number().int().min(0).max(1_000_000),
  liveSessionsPerMonth: z.number().int().min(0).max(31),
});

const EapCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{4,32}$/, { error: 'An organisation code is 4–32 letters, digits or dashes, as printed on your benefits card.' });
const MemberId = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{5,20}$/, { error: 'A member ID is 5–20 letters and digits, as on your insurance card.' });

/** What the client chooses in the intake, or later from their plan page. */
export const CoverageChoice = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('direct'), plan: DirectPlan }),
  z.strictObject({ kind: z.literal('eap'), code: EapCode }),
  z.strictObject({
    kind: z.literal('health_plan'),
    healthPlanId: z.uuid({ error: 'Choose your health plan from the list.' }),
    memberId: MemberId,
  }),
]);
export type CoverageChoice = z.infer<typeof CoverageChoice>;

/** A health plan's answer about one member, from the eligibility interface. */
export const Eligibility = z.object({
  eligible: z.boolean(),
  /** Why not, in words a member can act on. */
  reason: z.string().nullable(),
  copayCents: z.number().int().nullable(),
  /** What is left of the deductible: until it is met the member pays the session rate. */
  deductibleRemainingCents: z.number().int().nullable(),
  sessionRateCents: z.number().int(),
});
export type Eligibility = z.infer<typeof Eligibility>;

export const HealthPlanOption = z.object({ id: z.uuid(), name: z.string(), payerId: z.string() });
export const HealthPlanOptions = z.object({ healthPlans: z.array(HealthPlanOption) });
export type HealthPlanOptions = z.infer<typeof HealthPlanOptions>;

export const ledgerKinds = ['grant', 'reserve', 'spend', 'return', 'expire'] as const;
export const LedgerEntry = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(ledgerKinds),
  /** Change to the balance: +N granted or returned, −1 reserved or spent at once, 0 for a reservation becoming spent. */
  amount: z.number().int(),
  reason: z.string(),
  /** For a monthly allowance, the first day of the month it belongs to. */
  period: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const Invoice = z.object({
  id: z.uuid(),
  number: z.string(),
  issuedAt: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  description: z.string(),
  amountCents: z.number().int(),
  status: z.enum(['paid', 'failed']),
  receipt: z.string().nullable(),
});
export type Invoice = z.infer<typeof Invoice>;

export const SessionEstimate = z.object({
  /** What the client pays for one session now: 0 when it is prepaid or included. */
  costCents: z.number().int(),
  /** What one session uses: a monthly live session, an EAP credit, or a health-plan visit. */
  uses: z.enum(['included', 'live_allowance', 'eap_credit', 'health_plan_visit']),
  explanation: z.string(),
});
export type SessionEstimate = z.infer<typeof SessionEstimate>;

export const MessagingSession = z.object({
  id: z.uuid(),
  startedAt: z.string(),
  closesAt: z.string(),
  completedAt: z.string().nullable(),
  status: z.enum(['open', 'completed', 'expired']),
});
export type MessagingSession = z.infer<typeof MessagingSession>;

export const CoverageState = z.object({
  coverage: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('direct'),
        since: z.string(),
        plan: DirectPlan,
        status: z.enum(['active', 'paused']),
        monthlyPriceCents: z.number().int(),
        periodStart: CalendarDate,
        periodEnd: CalendarDate,
        liveSessionsPerMonth: z.number().int(),
        liveSessionsLeft: z.number().int(),
        /** A change the client asked for and the date it takes effect. */
        pendingChange: z
          .object({ to: z.union([DirectPlan, z.literal('pause'), z.literal('resume')]), effectiveOn: CalendarDate })
          .nullable(),
      }),
      z.object({
        kind: z.literal('eap'),
        since: z.string(),
        organisation: z.string(),
        creditsGranted: z.number().int(),
        creditsLeft: z.number().int(),
        endsOn: CalendarDate,
      }),
      z.object({
        kind: z.literal('health_plan'),
        since: z.string(),
        payer: z.string(),
        memberIdEnding: z.string(),
        copayCents: z.number().int().nullable(),
        deductibleRemainingCents: z.number().int().nullable(),
        sessionRateCents: z.number().int(),
      }),
    ])
    .nullable(),
  /** Whether messaging is continuous (direct plans) or counted in sessions the client starts. */
  messaging: z.enum(['continuous', 'sessions', 'not_included']),
  live: z.boolean(),
  estimate: SessionEstimate.nullable(),
  openMessagingSession: MessagingSession.nullable(),
  ledger: z.array(LedgerEntry),
  invoices: z.array(Invoice),
  /** False when the current provider does not accept this coverage: the client is offered a re-match. */
  providerAcceptsCoverage: z.boolean(),
});
export type CoverageState = z.infer<typeof CoverageState>;

export const ChangeCoverageRequest = z.strictObject({ coverage: CoverageChoice });
export const DirectPlanChange = z.strictObject({ to: z.union([DirectPlan, z.literal('pause'), z.literal('resume')]) });
export type DirectPlanChange = z.infer<typeof DirectPlanChange>;

/** The client confirms the estimate they saw; a changed estimate is refused so they see it again. */
export const StartMessagingSessionRequest = z.strictObject({ acceptedCostCents: z.number().int().min(0) });

/** What a provider records once a live session's start has passed. */
export const sessionOutcomes = ['completed', 'client_no_show', 'provider_no_show'] as const satisfies readonly LiveOutcome[];
export type RecordedSessionOutcome = (typeof sessionOutcomes)[number];
export const SessionOutcomeRequest = z.strictObject({ outcome: z.enum(sessionOutcomes) });
export type SessionOutcomeRequest = z.infer<typeof SessionOutcomeRequest>;

// ── Operations: partners ───────────────────────────────────────────────────────────────────

export const EapPartner = z.object({
  id: z.uuid(),
  name: z.string(),
  sessionsPerClient: z.number().int(),
  endsOn: CalendarDate,
  codes: z.array(z.object({ code: z.string(), active: z.boolean(), enrolled: z.number().int() })),
});
export type EapPartner = z.infer<typeof EapPartner>;
export const EapPartnerInput = z.strictObject({
  name: z.string().trim().min(2, { error: 'Enter the organisation name.' }).max(200),
  sessionsPerClient: z.number().int().min(1, { error: 'At least one session.' }).max(100),
  endsOn: CalendarDate,
});
export const EapCodeInput = z.strictObject({ code: EapCode });
export const Partners = z.object({
  eap: z.array(EapPartner),
  healthPlans: z.array(
    z.object({ id: z.uuid(), name: z.string(), payerId: z.string(), sessionRateCents: z.number().int(), members: z.number().int() }),
  ),
});
export type Partners = z.infer<typeof Partners>;
export const HealthPlanInput = z.strictObject({
  name: z.string().trim().min(2).max(200),
  payerId: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{3,10}$/, { error: 'A payer ID is 3–10 capital letters or digits.' }),
  sessionRateCents: z.number().int().min(0).max(100_000),
});

export const ClientLedger = z.object({ clientId: z.uuid(), name: z.string(), email: z.string(), state: CoverageState });
export type ClientLedger = z.infer<typeof ClientLedger>;

export const CoverageOptions = z.object({ plans: z.array(PlanOffer), healthPlans: z.array(HealthPlanOption) });
export type CoverageOptions = z.infer<typeof CoverageOptions>;

// ── A provider's caseload ──────────────────────────────────────────────────────────────────

export const CaseloadSession = z.object({
  id: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  modality: LiveModality,
  status: LiveStatus,
  outcome: LiveOutcome.nullable(),
});
export const Caseload = z.object({
  clients: z.array(
    z.object({
      clientId: z.uuid(),
      /** Their therapy room, where the conversation is. */
      roomId: z.uuid(),
      name: z.string(),
      since: z.string(),
      coverage: z.enum(['direct', 'eap', 'health_plan']).nullable(),
      openMessagingSession: MessagingSession.nullable(),
      sessions: z.array(CaseloadSession),
    }),
  ),
});
export type Caseload = z.infer<typeof Caseload>;

export const ClientList = z.object({
  clients: z.array(
    z.object({
      clientId: z.uuid(),
      name: z.string(),
      email: z.string(),
      state: z.string().nullable(),
      coverage: z.enum(['direct', 'eap', 'health_plan']).nullable(),
    }),
  ),
});
export type ClientList = z.infer<typeof ClientList>;
export const ClientListQuery = z.strictObject({ q: z.string().trim().max(200).optional() });
