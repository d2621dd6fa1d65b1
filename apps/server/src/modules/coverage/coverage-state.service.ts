// What a client sees of their coverage (PRODUCT §2.2): the plan or program, what is left, the
// next session's estimate, the ledger and the invoices.
import type { CoverageState } from '@haven/contract';
import { periodContaining } from '@haven/domain';
import type { Db } from '../../platform/db/database.ts';
import type { EligibilityChecker } from '../../platform/eligibility/eligibility-checker.ts';
import { allowanceOf, dayOf, estimateOf } from './coverage.service.ts';
import { presentInvoice, presentLedger, presentOpenMessagingSession } from './coverage.presenter.ts';
import * as repo from './coverage.repository.ts';

export async function coverageState(db: Db, eligibility: EligibilityChecker, clientId: string, now = new Date()): Promise<CoverageState> {
  const today = dayOf(now);
  const [coverage, ledger, invoices, open, accepted] = await Promise.all([
    repo.currentCoverage(db, clientId),
    repo.ledgerOfClient(db, clientId),
    repo.invoicesOf(db, clientId),
    repo.openMessagingSession(db, clientId),
    repo.currentProviderCoverage(db, clientId),
  ]);
  const allowance = await allowanceOf(db, coverage, today);
  return {
    coverage: coverage ? await presentCoverage(db, eligibility, coverage, today) : null,
    messaging: allowance.messaging,
    live: allowance.live,
    estimate: await estimateOf(db, eligibility, coverage, today),
    openMessagingSession: open ? presentOpenMessagingSession(open) : null,
    ledger: ledger.map(presentLedger),
    invoices: invoices.map(presentInvoice),
    providerAcceptsCoverage: !coverage || accepted === null || accepted.includes(coverage.kind),
  };
}

async function presentCoverage(
  db: Db,
  eligibility: EligibilityChecker,
  coverage: repo.CoverageRow,
  today: string,
): Promise<NonNullable<CoverageState['coverage']>> {
  const since = coverage.started_at.toISOString();
  if (coverage.kind === 'direct') {
    const period = periodContaining(today, coverage.anchor_day ?? 1);
    const offer = await repo.directPlan(db, coverage.plan!);
    const granted = await repo.hasGrant(db, coverage.id, period.start);
    return {
      kind: 'direct',
      since,
      plan: coverage.plan!,
      status: coverage.paused ? 'paused' : 'active',
      monthlyPriceCents: offer.monthly_price_cents,
      periodStart: period.start,
      periodEnd: period.end,
      liveSessionsPerMonth: offer.live_sessions_per_month,
      liveSessionsLeft: granted ? await repo.balance(db, coverage.id, period.start) : coverage.paused ? 0 : offer.live_sessions_per_month,
      pendingChange:
        coverage.pending_change && coverage.pending_on ? { to: coverage.pending_change, effectiveOn: coverage.pending_on } : null,
    };
  }
  if (coverage.kind === 'eap') {
    const code = (await repo.eapCode(db, coverage.eap_code!))!;
    return {
      kind: 'eap',
      since,
      organisation: code.name,
      creditsGranted: (await repo.sumOf(db, coverage.id, 'grant')).amount,
      creditsLeft: await repo.balance(db, coverage.id, null),
      endsOn: code.ends_on,
    };
  }
  const plan = (await repo.healthPlan(db, coverage.health_plan_id!))!;
  const answer = await eligibility.check({
    payerId: plan.payer_id,
    memberId: coverage.member_id!,
    sessionRateCents: plan.session_rate_cents,
  });
  const paid = (await repo.sumOf(db, coverage.id, 'spend')).cost;
  return {
    kind: 'health_plan',
    since,
    payer: plan.name,
    memberIdEnding: coverage.member_id!.slice(-4),
    copayCents: answer.copayCents,
    deductibleRemainingCents: answer.deductibleRemainingCents === null ? null : Math.max(0, answer.deductibleRemainingCents - paid),
    sessionRateCents: plan.session_rate_cents,
  };
}
