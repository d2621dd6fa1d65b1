// Sessions as coverage counts them (PRODUCT §2.2): messaging sessions the client starts, and the
// provider's caseload with what became of each live session. Booking and joining live sessions is
// the sessions module's; the ledger side is in the coverage module.
import type { Caseload, SessionOutcomeRequest } from '@haven/contract';
import type { Caller } from '../../caller.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as coverage from '../coverage/coverage.service.ts';
import * as ledger from '../coverage/session-ledger.ts';
import { providerOf } from '../providers/providers.service.ts';
import * as repo from './care.repository.ts';

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const subject = (clientId: string) => ({ type: 'client', id: clientId });

async function requireProvider(db: Db, client: repo.ClientRow): Promise<repo.AssignmentRow> {
  const current = await repo.currentAssignment(db, client.id);
  if (!current) throw new AppError('conflict', 'You do not have a provider yet. We will tell you as soon as you are matched.');
  return current;
}

/** Opens a 7-day messaging session for the signed-in client; returns their client id. */
export async function startMessagingSession({ db, deps, user, actor, now }: Caller, acceptedCostCents: number): Promise<string> {
  const client = await repo.ensureClient(db, user.id);
  const assignment = await requireProvider(db, client);
  const current = await coverage.currentCoverageOf(db, client.id);
  const allowance = await coverage.allowanceOf(db, current, dayOf(now));
  if (allowance.messaging === 'continuous')
    throw new AppError('not_in_plan', 'Messaging is included in your plan: write to your provider any time.');
  if (allowance.messaging === 'not_included')
    throw new AppError('not_in_plan', 'Your plan does not include messaging. Your plan page shows how to add it.');
  const estimate = await coverage.estimateOf(db, deps.eligibility, current, dayOf(now));
  if (estimate) coverage.requireAccepted(estimate, acceptedCostCents);
  await db.transaction().execute(async (trx) => {
    await ledger.openMessagingSession(trx, deps.payments, client.id, assignment.provider_id, estimate?.costCents ?? 0, now);
    await recordAudit(trx, { actor, action: 'messaging_session.started', subject: subject(client.id) });
  });
  return client.id;
}

// ── The provider's side ────────────────────────────────────────────────────────────────────

const CASELOAD_HISTORY_DAYS = 30;

export async function caseload({ db, user, now }: Caller): Promise<Caseload> {
  const provider = await providerOf(db, user);
  const clients = await repo.caseloadOf(db, provider.id);
  const ids = clients.map((c) => c.client_id);
  const [sessions, open] = await Promise.all([
    repo.providerSessionsSince(db, provider.id, ids, new Date(now.getTime() - CASELOAD_HISTORY_DAYS * 86_400_000)),
    repo.openMessagingSessionsOf(db, provider.id),
  ]);
  return {
    clients: clients.map((c) => {
      const messaging = open.find((m) => m.client_id === c.client_id);
      return {
        clientId: c.client_id,
        roomId: c.room_id,
        name: c.preferred_name,
        since: c.started_at.toISOString(),
        coverage: c.coverage,
        openMessagingSession: messaging
          ? {
              id: messaging.id,
              startedAt: messaging.started_at.toISOString(),
              closesAt: new Date(messaging.closes_at).toISOString(),
              completedAt: null,
              status: 'open' as const,
            }
          : null,
        sessions: sessions
          .filter((s) => s.client_id === c.client_id)
          .map((s) => ({
            id: s.id,
            startsAt: new Date(s.starts_at).toISOString(),
            endsAt: new Date(s.ends_at).toISOString(),
            modality: s.modality,
            status: s.status,
            outcome: s.outcome,
          })),
      };
    }),
  };
}

export async function completeMessaging({ db, user, actor, now }: Caller, sessionId: string): Promise<void> {
  const provider = await providerOf(db, user);
  await ledger.completeMessagingSession(db, actor, provider.id, sessionId, now);
}

export async function recordOutcome(
  { db, deps, user, actor, now }: Caller,
  sessionId: string,
  { outcome }: SessionOutcomeRequest,
): Promise<void> {
  const provider = await providerOf(db, user);
  await db.transaction().execute(async (trx) => {
    const session = await repo.lockSession(trx, sessionId);
    if (!session || session.provider_id !== provider.id) throw new AppError('not_found', 'That session is not on your calendar.');
    if (session.status !== 'booked') throw new AppError('conflict', 'This session already has an outcome.');
    if (new Date(session.starts_at) > now) throw new AppError('conflict', 'Record what happened once the session’s start time has passed.');
    await repo.closeSession(trx, sessionId, { status: outcome === 'completed' ? 'completed' : 'cancelled', outcome, at: now });
    await ledger.settleLiveSession(trx, deps.payments, sessionId, outcome);
    await recordAudit(trx, { actor, action: 'live_session.outcome', subject: subject(session.client_id), detail: { sessionId, outcome } });
  });
}
