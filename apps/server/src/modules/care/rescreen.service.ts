// Measurement-based care (PRODUCT §2.3): the PHQ-9 and GAD-7 asked again every few weeks, scored by
// the published rules (@haven/domain) and sealed like the intake's. An item-9 answer above 0 on
// a re-screen follows the intake's crisis path (a safety flag) and alerts the current provider and
// the operators at once. History, due state and the fit-conversation hint are read here for the
// client and for their current provider only.
import { randomUUID } from 'node:crypto';
import type { RescreenRequest, ScreenerHistory, ScreenerPoint } from '@haven/contract';
import { isRescreenDue, marksOf, rescreenDueAt, scoreGad7, scorePhq9, suggestsFitConversation, type Instrument } from '@haven/domain';
import type { Caller } from '../../caller.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';
import { AppError } from '../../platform/http/errors.ts';
import { providerOf } from '../providers/providers.service.ts';
import * as repo from './care.repository.ts';
import { clientSubject, flagForFollowUp } from './intake.service.ts';
import { refreshOutcome } from './outcomes.service.ts';
import * as queueRepo from './queue.repository.ts';
import { screenerResultsOf } from './record.service.ts';
import * as rescreenRepo from './rescreen.repository.ts';

type Result = Awaited<ReturnType<typeof screenerResultsOf>>[number];

/** The first result with the current provider: the last before their care began, else the first during it. */
function baselineIndex(results: readonly Result[], careStartedAt: Date | null): number {
  if (!careStartedAt || results.length === 0) return 0;
  const before = results.findLastIndex((r) => r.takenAt.getTime() <= careStartedAt.getTime());
  return before >= 0 ? before : 0;
}

type Series = { points: ScreenerPoint[]; withProvider: Array<{ takenAt: Date; total: number }> };

function series(results: readonly Result[], instrument: Instrument, careStartedAt: Date | null): Series {
  const own = results.filter((r) => r.instrument === instrument).sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  const start = baselineIndex(own, careStartedAt);
  const baseline = own[start];
  const points = own.map((r, index) => ({
    takenAt: r.takenAt.toISOString(),
    total: r.total,
    band: r.band,
    marks: marksOf(index > start && baseline ? baseline.total : r.total, r.total, instrument, index <= start),
  }));
  return { points, withProvider: own.slice(start).map((r) => ({ takenAt: r.takenAt, total: r.total })) };
}

async function historyOf(db: Db, deps: Caller['deps'], client: repo.ClientRow, now: Date): Promise<ScreenerHistory> {
  const [results, care] = await Promise.all([screenerResultsOf(db, deps.sealer, client.id), repo.currentAssignment(db, client.id)]);
  const careStartedAt = care?.started_at ?? null;
  const phq9 = series(results, 'phq9', careStartedAt);
  const gad7 = series(results, 'gad7', careStartedAt);
  const latest = results.reduce<Date | null>((at, r) => (at && at > r.takenAt ? at : r.takenAt), null);
  const interval = client.rescreen_interval_days;
  const weeks = deps.config.fitConversationWeeks;
  const latestPhq9 = results
    .filter((r) => r.instrument === 'phq9')
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime())
    .at(-1);
  return {
    phq9: phq9.points,
    gad7: gad7.points,
    intervalDays: interval,
    dueAt: rescreenDueAt(latest, interval)?.toISOString() ?? null,
    due: care !== undefined && isRescreenDue(latest, interval, now),
    suggestFitConversation:
      care !== undefined &&
      (suggestsFitConversation(phq9.withProvider, 'phq9', now, weeks) || suggestsFitConversation(gad7.withProvider, 'gad7', now, weeks)),
    showCrisisResources: (latestPhq9?.items[8] ?? 0) > 0,
  };
}

export async function myScreeners({ db, deps, user, now }: Caller): Promise<ScreenerHistory> {
  return historyOf(db, deps, await repo.ensureClient(db, user.id), now);
}

export async function rescreen({ db, deps, user, actor, now }: Caller, answers: RescreenRequest): Promise<ScreenerHistory> {
  const client = await repo.ensureClient(db, user.id);
  if (!client.submitted_at) throw new AppError('intake_incomplete', 'Finish your intake first: it asks these questions the first time.');
  const phq9 = scorePhq9(answers.phq9.items);
  const gad7 = scoreGad7(answers.gad7.items);
  if (phq9.total > 0 && answers.phq9.difficulty === null) {
    throw new AppError('validation_failed', 'Say how difficult these problems have made things for you.', [
      { field: 'phq9.difficulty', message: 'Say how difficult these problems have made things for you.' },
    ]);
  }
  const values = [
    {
      instrument: 'phq9' as const,
      value: { items: answers.phq9.items, difficulty: answers.phq9.difficulty, total: phq9.total, band: phq9.band },
    },
    { instrument: 'gad7' as const, value: { items: answers.gad7.items, total: gad7.total, band: gad7.band } },
  ];
  const rows = await Promise.all(
    values.map(async ({ instrument, value }) => {
      const id = randomUUID();
      const sealed = await deps.sealer.seal(client.id, JSON.stringify(value), { table: 'screener_results', row: id, field: 'result' });
      return { id, client_id: client.id, instrument, sealed, taken_at: now };
    }),
  );
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('screener_results').values(rows).execute();
    await refreshOutcome(trx, deps.sealer, client.id);
    await recordAudit(trx, { actor, action: 'screeners.rescreened', subject: clientSubject(client.id), client: user.id });
    if (phq9.needsSafetyFollowUp) {
      const alreadyOpen = await queueRepo.hasOpenSafetyFlag(trx, client.id);
      await flagForFollowUp(trx, client.id, { reasons: ['phq9_item9'], item9: phq9.item9 });
      const care = await repo.currentAssignment(trx, client.id);
      const provider = care ? await rescreenRepo.providerUserOf(trx, care.provider_id) : undefined;
      await recordEvent(trx, {
        type: 'screener.crisis_answer',
        payload: { clientId: client.id, providerUserId: provider?.user_id ?? null, alreadyOpen },
      });
    }
  });
  return historyOf(db, deps, client, now);
}

/** The provider's current client, or 404 for anyone else's (their existence is not revealed). */
async function currentClientOf(db: Db, caller: Caller, clientId: string): Promise<repo.ClientRow> {
  const provider = await providerOf(db, caller.user);
  const care = await repo.currentAssignment(db, clientId);
  if (!care || care.provider_id !== provider.id) throw new AppError('not_found', 'That client is not in your care.');
  const [client] = await repo.clientsByIds(db, [clientId]);
  if (!client) throw new AppError('not_found', 'That client is not in your care.');
  return client;
}

export async function clientScreeners(caller: Caller, clientId: string): Promise<ScreenerHistory> {
  const client = await currentClientOf(caller.db, caller, clientId);
  return historyOf(caller.db, caller.deps, client, caller.now);
}

export async function setRescreenInterval(caller: Caller, clientId: string, days: number): Promise<ScreenerHistory> {
  const { db, actor } = caller;
  const client = await currentClientOf(db, caller, clientId);
  await db.transaction().execute(async (trx) => {
    await rescreenRepo.setInterval(trx, client.id, days);
    await recordAudit(trx, {
      actor,
      action: 'screeners.interval_set',
      subject: clientSubject(client.id),
      client: client.user_id,
      detail: { from: client.rescreen_interval_days, to: days },
    });
  });
  return historyOf(db, caller.deps, { ...client, rescreen_interval_days: days }, caller.now);
}

/** The worker's reminder: one event per client per due cycle, however often it runs. */
export async function remindDueRescreens(db: Db, now: Date): Promise<number> {
  let reminded = 0;
  for (const due of await rescreenRepo.dueClients(db, now)) {
    const dueAt = new Date(due.due_at);
    const claimed = await db.transaction().execute(async (trx) => {
      if (!(await rescreenRepo.claimReminder(trx, due.id, dueAt))) return false;
      await recordEvent(trx, { type: 'screener.rescreen_due', payload: { clientId: due.id, dueAt: dueAt.toISOString() } });
      return true;
    });
    if (claimed) reminded += 1;
  }
  return reminded;
}
