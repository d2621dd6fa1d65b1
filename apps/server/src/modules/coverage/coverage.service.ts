// How a client pays and what they have left (PRODUCT §2.2). Every credit granted, reserved, spent,
// returned or expired is a ledger row; balances are sums of rows taken under the coverage's row
// lock, so concurrent spends are serialised and none can overdraw.
import type { CoverageChoice, CoverageOptions, CoverageState, DirectPlan, FieldIssue, SessionEstimate } from '@haven/contract';
import { anchorDayOf, nextPeriod, periodContaining } from '@haven/domain';
import type { Caller } from '../../caller.ts';
import { recordAudit, systemActor, type Actor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { EligibilityChecker } from '../../platform/eligibility/eligibility-checker.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PaymentProcessor } from '../../platform/payments/payment-processor.ts';
import * as repo from './coverage.repository.ts';

export const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const dollars = (cents: number) => `$${(cents / 100).toFixed(2).replace(/\.00$/, '')}`;
export const clientSubject = (clientId: string) => ({ type: 'client', id: clientId });

export async function coverageOptions(db: Db): Promise<CoverageOptions> {
  const [plans, healthPlans] = await Promise.all([repo.directPlans(db), repo.healthPlans(db)]);
  return {
    plans: plans.map((p) => ({
      plan: p.plan,
      monthlyPriceCents: p.monthly_price_cents,
      liveSessionsPerMonth: p.live_sessions_per_month,
      messaging: p.messaging,
    })),
    healthPlans: healthPlans.map((h) => ({ id: h.id, name: h.name, payerId: h.payer_id })),
  };
}

// ── Choosing coverage ──────────────────────────────────────────────────────────────────────

/** What a choice resolved to, once checked. */
export type CheckedChoice =
  | { kind: 'direct'; plan: DirectPlan }
  | { kind: 'eap'; code: string; partner: string; sessions: number; endsOn: string }
  | { kind: 'health_plan'; healthPlanId: string; memberId: string };

function invalid(field: string, message: string): AppError {
  const issue: FieldIssue = { field, message };
  return new AppError('coverage_invalid', message, [issue]);
}

/** Checks a choice and says plainly what is wrong; `field` prefixes the issue paths (e.g. 'answers.coverage'). */
export async function checkChoice(
  db: Db,
  eligibility: EligibilityChecker,
  clientId: string,
  choice: CoverageChoice,
  field: string,
  today: string,
): Promise<CheckedChoice> {
  if (choice.kind === 'direct') return choice;
  if (choice.kind === 'eap') {
    const code = await repo.eapCode(db, choice.code);
    if (!code || !code.active)
      throw invalid(
        `${field}.code`,
        'We do not recognise that organisation code. Check it with your employer or benefits provider, or choose another way to pay.',
      );
    if (code.ends_on < today)
      throw invalid(`${field}.code`, `${code.name}'s program ended on ${code.ends_on}. Choose a health plan or a monthly plan instead.`);
    if (await repo.usedEapCodeBefore(db, clientId, code.code))
      throw invalid(`${field}.code`, 'You have already used this code. Your plan page shows the sessions left on it.');
    return { kind: 'eap', code: code.code, partner: code.name, sessions: code.sessions_per_client, endsOn: code.ends_on };
  }
  const plan = await repo.healthPlan(db, choice.healthPlanId);
  if (!plan) throw invalid(`${field}.healthPlanId`, 'Choose your health plan from the list.');
  const answer = await eligibility.check({ payerId: plan.payer_id, memberId: choice.memberId, sessionRateCents: plan.session_rate_cents });
  if (!answer.eligible) throw invalid(`${field}.memberId`, answer.reason ?? 'This member is not covered by the plan.');
  return choice;
}

/**
 * Makes the checked choice the client's coverage, in the caller's transaction: ends the current
 * one, grants EAP credits or this month's live sessions, and bills the first month of a plan.
 */
export async function startCoverage(
  trx: Db,
  payments: PaymentProcessor,
  actor: Actor,
  clientId: string,
  choice: CheckedChoice,
  now: Date,
): Promise<repo.CoverageRow> {
  const current = await repo.currentCoverage(trx, clientId);
  if (current) await repo.endCoverage(trx, current.id, now);
  const coverage = await repo.insertCoverage(trx, {
    client_id: clientId,
    kind: choice.kind,
    started_at: now,
    plan: choice.kind === 'direct' ? choice.plan : null,
    anchor_day: choice.kind === 'direct' ? anchorDayOf(dayOf(now)) : null,
    eap_code: choice.kind === 'eap' ? choice.code : null,
    health_plan_id: choice.kind === 'health_plan' ? choice.healthPlanId : null,
    member_id: choice.kind === 'health_plan' ? choice.memberId : null,
  });
  await repo.setClientCoverageKind(trx, clientId, choice.kind);
  if (choice.kind === 'eap') {
    await repo.appendLedger(trx, {
      coverage_id: coverage.id,
      client_id: clientId,
      kind: 'grant',
      amount: choice.sessions,
      reason: `${choice.partner}: prepaid sessions`,
    });
  }
  if (choice.kind === 'direct') await renewDirect(trx, payments, coverage, dayOf(now));
  await recordAudit(trx, {
    actor,
    action: 'coverage.started',
    subject: clientSubject(clientId),
    detail: { kind: choice.kind, replaces: current?.id ?? null },
  });
  return coverage;
}

export async function changeCoverage(caller: Caller, clientId: string, choice: CoverageChoice): Promise<void> {
  const { db, deps, actor, now } = caller;
  const checked = await checkChoice(db, deps.eligibility, clientId, choice, 'coverage', dayOf(now));
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('clients').select('id').where('id', '=', clientId).forUpdate().execute();
    await startCoverage(trx, deps.payments, actor, clientId, checked, now);
  });
}

// ── Direct plans: periods, allowance, billing ──────────────────────────────────────────────

/** Bills a purpose once: a retried renewal or copay finds the invoice and charges nothing. */
export async function chargeOnce(
  trx: Db,
  payments: PaymentProcessor,
  bill: {
    clientId: string;
    coverageId: string;
    purpose: string;
    description: string;
    periodStart: string;
    periodEnd: string;
    amountCents: number;
  },
): Promise<void> {
  if (await repo.invoiceFor(trx, bill.purpose)) return;
  const result = await payments.charge({ amountCents: bill.amountCents, description: bill.description, purpose: bill.purpose });
  const invoice = await repo.insertInvoice(trx, {
    client_id: bill.clientId,
    coverage_id: bill.coverageId,
    purpose: bill.purpose,
    description: bill.description,
    period_start: bill.periodStart,
    period_end: bill.periodEnd,
    amount_cents: bill.amountCents,
    status: result.succeeded ? 'paid' : 'failed',
    receipt: result.succeeded ? `Paid ${dollars(bill.amountCents)} — ${result.processor} reference ${result.reference}` : null,
  });
  await repo.insertCharge(trx, {
    invoice_id: invoice.id,
    amount_cents: bill.amountCents,
    processor: result.processor,
    processor_ref: result.reference,
    succeeded: result.succeeded,
  });
}

/** The plan in force on a day: a pending change applies from its date. */
export function planOn(coverage: repo.CoverageRow, day: string): { plan: DirectPlan; paused: boolean } {
  let plan = coverage.plan as DirectPlan;
  let paused = coverage.paused;
  if (coverage.pending_change && coverage.pending_on && coverage.pending_on <= day) {
    if (coverage.pending_change === 'pause') paused = true;
    else if (coverage.pending_change === 'resume') paused = false;
    else plan = coverage.pending_change;
  }
  return { plan, paused };
}

/** Makes sure the period containing `day` is billed and its live sessions granted (once each). */
async function renewDirect(trx: Db, payments: PaymentProcessor, coverage: repo.CoverageRow, day: string): Promise<void> {
  if (!coverage.anchor_day) return;
  const period = periodContaining(day, coverage.anchor_day);
  const { plan, paused } = planOn(coverage, period.start < dayOf(coverage.started_at) ? dayOf(coverage.started_at) : period.start);
  if (paused) return;
  const offer = await repo.directPlan(trx, plan);
  await chargeOnce(trx, payments, {
    clientId: coverage.client_id,
    coverageId: coverage.id,
    purpose: `plan:${coverage.id}:${period.start}`,
    description: `${planName(plan)} plan, ${period.start} to ${period.end}`,
    periodStart: period.start,
    periodEnd: period.end,
    amountCents: offer.monthly_price_cents,
  });
  if (offer.live_sessions_per_month > 0 && !(await repo.hasGrant(trx, coverage.id, period.start))) {
    await repo.appendLedger(trx, {
      coverage_id: coverage.id,
      client_id: coverage.client_id,
      kind: 'grant',
      amount: offer.live_sessions_per_month,
      period: period.start,
      reason: `${planName(plan)}: live sessions for ${period.start} to ${period.end} (they do not roll over)`,
    });
  }
}

export function planName(plan: DirectPlan): string {
  return { messaging: 'Messaging', messaging_live: 'Messaging + Live', live: 'Live' }[plan];
}

/**
 * Plan changes and pauses take effect at the start of the next period (the client keeps what they
 * paid for until then); resuming a paused plan takes effect at once and bills the current period.
 */
export async function changeDirectPlan(caller: Caller, clientId: string, to: DirectPlan | 'pause' | 'resume'): Promise<void> {
  const { db, deps, actor, now } = caller;
  const { payments } = deps;
  await db.transaction().execute(async (trx) => {
    const current = await repo.currentCoverage(trx, clientId);
    if (!current || current.kind !== 'direct' || !current.anchor_day)
      throw new AppError('not_in_plan', 'Only a monthly plan can be changed here. Choose a plan under "Change how you pay".');
    const coverage = (await repo.lockCoverage(trx, current.id))!;
    const anchorDay = current.anchor_day;
    const today = dayOf(now);
    if (to === 'resume') {
      if (!coverage.paused && coverage.pending_change !== 'pause') throw new AppError('conflict', 'Your plan is not paused.');
      await repo.updateCoverage(trx, coverage.id, { paused: false, pending_change: null, pending_on: null });
      await renewDirect(trx, payments, { ...coverage, paused: false, pending_change: null, pending_on: null }, today);
    } else {
      if (to === 'pause' && coverage.paused) throw new AppError('conflict', 'Your plan is already paused.');
      if (to !== 'pause' && to === coverage.plan && coverage.pending_change === null)
        throw new AppError('conflict', `You are already on the ${planName(to)} plan.`);
      const effectiveOn = nextPeriod(today, anchorDay).start;
      const change = to === coverage.plan ? null : to;
      await repo.updateCoverage(trx, coverage.id, { pending_change: change, pending_on: change ? effectiveOn : null });
    }
    await recordAudit(trx, { actor, action: 'coverage.plan_changed', subject: clientSubject(clientId), detail: { to } });
  });
}

/** Applies due plan changes, bills and grants each active plan's current period. Idempotent. */
export async function renewCoverages(db: Db, payments: PaymentProcessor, now = new Date()): Promise<number> {
  const today = dayOf(now);
  let renewed = 0;
  for (const coverage of await repo.activeDirectCoverages(db)) {
    await db.transaction().execute(async (trx) => {
      const locked = await repo.lockCoverage(trx, coverage.id);
      if (!locked || locked.ended_at) return;
      let current = locked;
      if (locked.pending_change && locked.pending_on && locked.pending_on <= today) {
        const { plan, paused } = planOn(locked, today);
        await repo.updateCoverage(trx, locked.id, { plan, paused, pending_change: null, pending_on: null });
        current = { ...locked, plan, paused, pending_change: null, pending_on: null };
      }
      await renewDirect(trx, payments, current, today);
    });
    renewed += 1;
  }
  // An EAP program that has ended: whatever is left expires, with a row saying so.
  for (const coverage of await repo.activeEapCoverages(db, today)) {
    await db.transaction().execute(async (trx) => {
      await repo.lockCoverage(trx, coverage.id);
      const left = await repo.balance(trx, coverage.id, null);
      if (left > 0) {
        await repo.appendLedger(trx, {
          coverage_id: coverage.id,
          client_id: coverage.client_id,
          kind: 'expire',
          amount: -left,
          reason: 'The organisation’s program ended',
        });
        await recordAudit(trx, {
          actor: systemActor,
          action: 'coverage.credits_expired',
          subject: clientSubject(coverage.client_id),
          detail: { left },
        });
      }
    });
  }
  await repo.expireMessagingSessions(db, now);
  return renewed;
}

// ── What a session costs and uses ──────────────────────────────────────────────────────────

/** The balance a live session on `day` draws from: this period's allowance, or the EAP credits. */
export async function liveBalance(db: Db, coverage: repo.CoverageRow, day: string): Promise<number> {
  if (coverage.kind === 'eap') return repo.balance(db, coverage.id, null);
  if (coverage.kind === 'direct' && coverage.anchor_day)
    return repo.balance(db, coverage.id, periodContaining(day, coverage.anchor_day).start);
  return Number.POSITIVE_INFINITY;
}

export type Allowance = { messaging: CoverageState['messaging']; live: boolean };

export async function allowanceOf(db: Db, coverage: repo.CoverageRow | undefined, day: string): Promise<Allowance> {
  if (!coverage) return { messaging: 'not_included', live: false };
  if (coverage.kind !== 'direct') return { messaging: 'sessions', live: true };
  const { plan, paused } = planOn(coverage, day);
  if (paused || coverage.paused) return { messaging: 'not_included', live: false };
  const offer = await repo.directPlan(db, plan);
  return { messaging: offer.messaging ? 'continuous' : 'not_included', live: offer.live_sessions_per_month > 0 };
}

/** What the next session costs the client in money, and what it uses. */
export async function estimateOf(
  db: Db,
  eligibility: EligibilityChecker,
  coverage: repo.CoverageRow | undefined,
  day: string,
): Promise<SessionEstimate | null> {
  if (!coverage) return null;
  if (coverage.kind === 'direct') {
    const { live } = await allowanceOf(db, coverage, day);
    if (!live) return { costCents: 0, uses: 'included', explanation: 'Messaging is included in your plan.' };
    const left = await liveBalance(db, coverage, day);
    return { costCents: 0, uses: 'live_allowance', explanation: `Uses 1 of the ${left} live sessions left this month.` };
  }
  if (coverage.kind === 'eap') {
    const left = await liveBalance(db, coverage, day);
    return { costCents: 0, uses: 'eap_credit', explanation: `Uses 1 of your ${left} prepaid sessions.` };
  }
  const plan = (await repo.healthPlan(db, coverage.health_plan_id!))!;
  const answer = await eligibility.check({
    payerId: plan.payer_id,
    memberId: coverage.member_id!,
    sessionRateCents: plan.session_rate_cents,
  });
  if (answer.copayCents !== null)
    return {
      costCents: answer.copayCents,
      uses: 'health_plan_visit',
      explanation: `Your copay is ${dollars(answer.copayCents)} per session.`,
    };
  const paid = (await repo.sumOf(db, coverage.id, 'spend')).cost;
  const remaining = Math.max(0, (answer.deductibleRemainingCents ?? 0) - paid);
  const cost = Math.min(plan.session_rate_cents, remaining);
  return {
    costCents: cost,
    uses: 'health_plan_visit',
    explanation:
      cost > 0
        ? `Until your deductible is met you pay the session rate: ${dollars(cost)} (${dollars(remaining)} of the deductible remains).`
        : 'Your deductible is met: the plan pays for this session.',
  };
}

/** Refuses an action when the client confirmed a different amount from the one that applies now. */
export function requireAccepted(estimate: SessionEstimate, acceptedCostCents: number): void {
  if (estimate.costCents !== acceptedCostCents) {
    throw new AppError(
      'estimate_changed',
      `The cost is now ${dollars(estimate.costCents)}, not ${dollars(acceptedCostCents)}. Review it and confirm again.`,
    );
  }
}

export { clientSubject as coverageSubject };

// ── Entry points for the care module ───────────────────────────────────────────────────────

export function currentCoverageOf(db: Db, clientId: string): Promise<repo.CoverageRow | undefined> {
  return repo.currentCoverage(db, clientId);
}

/** The client's current coverage, locked for the rest of the transaction. */
export async function lockCurrentCoverage(trx: Db, clientId: string): Promise<repo.CoverageRow> {
  const current = await repo.currentCoverage(trx, clientId);
  const locked = current && (await repo.lockCoverage(trx, current.id));
  if (!locked || locked.ended_at) throw new AppError('not_in_plan', 'Choose how you will pay first, on your plan page.');
  return locked;
}

export type { CoverageRow } from './coverage.repository.ts';

/** A client closed their account: their coverage ends, so nothing renews or is charged again. */
export async function endCoverageOnClosure(trx: Db, clientId: string, now: Date): Promise<void> {
  const coverage = await repo.currentCoverage(trx, clientId);
  if (coverage) await repo.endCoverage(trx, coverage.id, now);
}
