// What sessions do to the ledger (PRODUCT §2.2), each called inside the caller's transaction with
// the coverage row locked: a live session reserves when booked and is settled exactly once; a
// messaging session spends at once. Plans, prices and balances are in coverage.service.ts.
import { periodContaining } from '@haven/domain';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PaymentProcessor } from '../../platform/payments/payment-processor.ts';
import * as repo from './coverage.repository.ts';
import { chargeOnce, clientSubject, dayOf, liveBalance, lockCurrentCoverage, planName, planOn } from './coverage.service.ts';

const WHEN = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
export const MESSAGING_SESSION_DAYS = 7;

/** Takes one session from the balance the session's day draws on; refuses when none is left. */
export async function reserveLiveSession(
  trx: Db,
  coverage: repo.CoverageRow,
  session: { id: string; startsAt: Date; costCents: number },
): Promise<void> {
  const day = dayOf(session.startsAt);
  const period = coverage.kind === 'direct' && coverage.anchor_day ? periodContaining(day, coverage.anchor_day).start : null;
  if (coverage.kind === 'direct') await renewDirectForBooking(trx, coverage, day);
  const left = await liveBalance(trx, coverage, day);
  if (left < 1) {
    throw new AppError(
      'no_credits',
      coverage.kind === 'eap'
        ? 'You have used all the prepaid sessions from your organisation. Your plan page shows how to continue with a health plan or a monthly plan.'
        : 'You have used this month’s live sessions. They renew at the start of your next period; messaging stays open meanwhile.',
    );
  }
  await repo.appendLedger(trx, {
    coverage_id: coverage.id,
    client_id: coverage.client_id,
    kind: 'reserve',
    amount: coverage.kind === 'health_plan' ? 0 : -1,
    period,
    reason: `Live session booked for ${WHEN.format(session.startsAt)} UTC`,
    ref_type: 'live_session',
    ref_id: session.id,
    cost_cents: session.costCents,
  });
}

/** A future period's allowance exists only once it is granted; booking ahead grants it early. */
async function renewDirectForBooking(trx: Db, coverage: repo.CoverageRow, day: string): Promise<void> {
  if (!coverage.anchor_day) return;
  const period = periodContaining(day, coverage.anchor_day);
  if (await repo.hasGrant(trx, coverage.id, period.start)) return;
  const { plan, paused } = planOn(coverage, period.start);
  if (paused) throw new AppError('not_in_plan', 'Your plan is paused then. Resume it on your plan page to book.');
  const offer = await repo.directPlan(trx, plan);
  if (offer.live_sessions_per_month === 0)
    throw new AppError('not_in_plan', 'Your plan does not include live sessions then. Your plan page shows how to add them.');
  await repo.appendLedger(trx, {
    coverage_id: coverage.id,
    client_id: coverage.client_id,
    kind: 'grant',
    amount: offer.live_sessions_per_month,
    period: period.start,
    reason: `${planName(plan)}: live sessions for ${period.start} to ${period.end} (they do not roll over)`,
  });
}

export type Settlement =
  'cancelled_early' | 'cancelled_late' | 'completed' | 'client_no_show' | 'provider_no_show' | 'cancelled_by_provider' | 'declined';
const RETURNS = new Set<Settlement>(['cancelled_early', 'provider_no_show', 'cancelled_by_provider', 'declined']);
const SETTLEMENT_REASONS: Record<Settlement, string> = {
  cancelled_early: 'Cancelled 24 hours or more ahead: the session is returned',
  cancelled_late: 'Cancelled less than 24 hours ahead: the session is used',
  completed: 'Live session held',
  client_no_show: 'Missed without cancelling: the session is used',
  provider_no_show: 'The provider could not attend: the session is returned',
  cancelled_by_provider: 'Cancelled by the provider: the session is returned',
  declined: 'The provider could not take this booking: the session is returned',
};

/** Settles a reserved live session once: returned, or spent (and a health-plan visit billed). */
export async function settleLiveSession(trx: Db, payments: PaymentProcessor, sessionId: string, settlement: Settlement): Promise<void> {
  const reservation = await repo.reservationOf(trx, sessionId);
  if (!reservation) return; // booked before coverage existed: nothing to settle
  const coverage = (await repo.lockCoverage(trx, reservation.coverage_id))!;
  const returned = RETURNS.has(settlement);
  await repo.appendLedger(trx, {
    coverage_id: coverage.id,
    client_id: coverage.client_id,
    kind: returned ? 'return' : 'spend',
    amount: returned ? -reservation.amount : 0,
    period: reservation.period,
    reason: SETTLEMENT_REASONS[settlement],
    ref_type: 'live_session',
    ref_id: sessionId,
    cost_cents: returned ? 0 : reservation.cost_cents,
  });
  if (!returned && coverage.kind === 'health_plan' && reservation.cost_cents > 0) {
    const day = dayOf(reservation.at);
    await chargeOnce(trx, payments, {
      clientId: coverage.client_id,
      coverageId: coverage.id,
      purpose: `live_session:${sessionId}`,
      description: 'Live session (your share under your health plan)',
      periodStart: day,
      periodEnd: day,
      amountCents: reservation.cost_cents,
    });
  }
}

/** A messaging session spends at once: one EAP credit, or the health-plan visit billed now. */
export async function spendMessagingSession(
  trx: Db,
  payments: PaymentProcessor,
  coverage: repo.CoverageRow,
  sessionId: string,
  costCents: number,
  now: Date,
): Promise<void> {
  if (coverage.kind === 'eap' && (await repo.balance(trx, coverage.id, null)) < 1) {
    throw new AppError(
      'no_credits',
      'You have used all the prepaid sessions from your organisation. Your plan page shows how to continue with a health plan or a monthly plan.',
    );
  }
  await repo.appendLedger(trx, {
    coverage_id: coverage.id,
    client_id: coverage.client_id,
    kind: 'spend',
    amount: coverage.kind === 'eap' ? -1 : 0,
    reason: 'Messaging session started (open 7 days or until your provider completes it)',
    ref_type: 'messaging_session',
    ref_id: sessionId,
    cost_cents: costCents,
  });
  if (coverage.kind === 'health_plan' && costCents > 0) {
    await chargeOnce(trx, payments, {
      clientId: coverage.client_id,
      coverageId: coverage.id,
      purpose: `messaging_session:${sessionId}`,
      description: 'Messaging session (your share under your health plan)',
      periodStart: dayOf(now),
      periodEnd: dayOf(now),
      amountCents: costCents,
    });
  }
}

/** Opens a messaging session and spends for it, in the caller's transaction. Never cancellable. */
export async function openMessagingSession(
  trx: Db,
  payments: PaymentProcessor,
  clientId: string,
  providerId: string,
  costCents: number,
  now: Date,
): Promise<void> {
  const coverage = await lockCurrentCoverage(trx, clientId);
  if (await repo.openMessagingSession(trx, clientId)) throw new AppError('session_open');
  const session = await repo.insertMessagingSession(trx, {
    client_id: clientId,
    provider_id: providerId,
    coverage_id: coverage.id,
    started_at: now,
    closes_at: new Date(now.getTime() + MESSAGING_SESSION_DAYS * 86_400_000),
  });
  await spendMessagingSession(trx, payments, coverage, session.id, costCents, now);
}

export async function completeMessagingSession(
  db: Db,
  actor: Actor & { id: string },
  providerId: string,
  sessionId: string,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const done = await repo.completeMessagingSession(trx, sessionId, providerId, actor.id, now);
    if (!done) throw new AppError('conflict', 'This messaging session is not open with you any more. Reload the page.');
    await recordAudit(trx, { actor, action: 'messaging_session.completed', subject: clientSubject(done.client_id), detail: { sessionId } });
  });
}
