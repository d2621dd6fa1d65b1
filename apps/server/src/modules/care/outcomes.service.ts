// Measured outcomes for matching (PRODUCT §2.3): after each screener a client saves, their current
// course of care is summarised in care_outcomes — the concern named first, PHQ-9 band at the start with this
// provider, and whether the PHQ-9 has improved meaningfully since (screeners/progress.ts). The
// client's latest band is copied to clients.severity_band, so a later match compares them with
// clients who started where they are now. Both are read by matching only; the sealed screener
// results stay the record.
import { bandRank, hasImproved } from '@haven/domain';
import type { Sealer } from '../../platform/crypto/envelope.ts';
import type { Db } from '../../platform/db/database.ts';
import * as repo from './care.repository.ts';
import { screenerResultsOf } from './record.service.ts';

/** Rewrites the client's severity band and the outcome of their current care; run in the transaction that saved a screener. */
export async function refreshOutcome(trx: Db, sealer: Sealer, clientId: string): Promise<void> {
  const phq9 = (await screenerResultsOf(trx, sealer, clientId))
    .filter((result) => result.instrument === 'phq9')
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  const latest = phq9.at(-1);
  if (!latest) return;
  await trx
    .updateTable('clients')
    .set({ severity_band: bandRank(latest.total, 'phq9') })
    .where('id', '=', clientId)
    .execute();

  const care = await repo.currentAssignment(trx, clientId);
  if (!care) return;
  const started = care.started_at.getTime();
  // Where the client stood when this care began: the last result before it, else the first during it.
  const baseline =
    phq9.findLast((result) => result.takenAt.getTime() <= started) ?? phq9.find((result) => result.takenAt.getTime() > started);
  if (!baseline || baseline === latest || latest.takenAt.getTime() <= started) return;
  const client = await trx.selectFrom('clients').select('focus_areas').where('id', '=', clientId).executeTakeFirstOrThrow();
  const [focusArea] = client.focus_areas;
  if (!focusArea) return;
  const outcome = {
    provider_id: care.provider_id,
    focus_area: focusArea,
    starting_band: bandRank(baseline.total, 'phq9'),
    improved: hasImproved(baseline.total, latest.total, 'phq9'),
    measured_at: latest.takenAt,
  };
  await trx
    .insertInto('care_outcomes')
    .values({ assignment_id: care.id, ...outcome })
    .onConflict((oc) => oc.column('assignment_id').doUpdateSet(outcome))
    .execute();
}
