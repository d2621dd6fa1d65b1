import type { FocusArea, UsStateCode } from '@haven/contract';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aMatchedClient, insertClient } from '../../testing/clients.ts';
import { anIntake } from '../../testing/factories.ts';
import { useTestApp } from '../../testing/harness.ts';
import { insertProvider } from '../../testing/network.ts';
import * as repo from './care.repository.ts';
import { matchClientOf, rankEligible } from './matching.ts';
import { refreshOutcome } from './outcomes.service.ts';

const haven = useTestApp();
const today = () => new Date().toISOString().slice(0, 10);
const DAY = 86_400_000;
/** PHQ-9 answers totalling 12 (moderate, band 2). */
const moderate = { items: [2, 2, 2, 2, 1, 1, 1, 1, 0], difficulty: 1 };

/** A finished course of care with a provider and its measured result, as an earlier client would have left it. */
async function pastCourse(providerId: string, outcome: { focusArea: FocusArea; startingBand: number; improved: boolean }) {
  const client = await insertClient(haven.db);
  const started = new Date(Date.now() - 200 * DAY);
  const assignment = await haven.db
    .insertInto('care_assignments')
    .values({
      client_id: client.id,
      provider_id: providerId,
      room_id: client.roomId,
      route: 'instant',
      score: 500,
      waiting_since: started,
      started_at: started,
      ended_at: new Date(Date.now() - 20 * DAY),
      end_reason: 'switch',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await haven.db
    .insertInto('care_outcomes')
    .values({
      assignment_id: assignment.id,
      provider_id: providerId,
      focus_area: outcome.focusArea,
      starting_band: outcome.startingBand,
      improved: outcome.improved,
      measured_at: new Date(Date.now() - 30 * DAY),
    })
    .execute();
}

async function record(providerId: string, improved: number, of: number) {
  for (let i = 0; i < of; i += 1) await pastCourse(providerId, { focusArea: 'anxiety', startingBand: 2, improved: i < improved });
}

describe('outcome-informed matching', () => {
  it('ranks a provider whose similar clients improved above a new one, and a new one above a poor record — among eligible providers only', async () => {
    const state = 'OR';
    const good = await insertProvider(haven.db, { states: [state], focusAreas: ['anxiety'], capacity: 200 });
    const fresh = await insertProvider(haven.db, { states: [state], focusAreas: ['anxiety'], capacity: 200 });
    const poor = await insertProvider(haven.db, { states: [state], focusAreas: ['anxiety'], capacity: 200 });
    // Full, so a hard rule keeps them out, however good their record.
    const full = await insertProvider(haven.db, { states: [state], focusAreas: ['anxiety'], capacity: 1 });
    await record(good.id, 9, 10);
    await record(poor.id, 1, 10);
    await record(full.id, 10, 10);
    const taken = await insertClient(haven.db);
    await haven.db
      .insertInto('care_assignments')
      .values({ client_id: taken.id, provider_id: full.id, room_id: taken.roomId, route: 'instant', score: 1, waiting_since: new Date() })
      .execute();

    const { care } = await aMatchedClient(haven, { state, focusAreas: ['anxiety'], phq9: moderate });
    expect(care.current?.provider.id).toBe(good.id);
    expect(care.current?.reasons).toContainEqual({ kind: 'good_outcomes', improved: 9, similar: 10 });

    const rows = await repo.candidateProviders(haven.db, today(), { state });
    const client = matchClientOf({ ...(await someClientRow(state)), severity_band: 2 });
    const ranked = rankEligible(client, rows, null, today()).map((r) => r.provider.id);
    const plain = rankEligible(
      client,
      rows.map((row) => ({ ...row, outcomes: [] })),
      null,
      today(),
    ).map((r) => r.provider.id);
    // The same providers pass the hard rules either way; the full one never does.
    expect(new Set(ranked)).toEqual(new Set(plain));
    expect(ranked).not.toContain(full.id);
    expect(ranked.indexOf(good.id)).toBeLessThan(ranked.indexOf(fresh.id));
    expect(ranked.indexOf(fresh.id)).toBeLessThan(ranked.indexOf(poor.id));
  });

  it('counts only similar clients: a record with other concerns or far from this severity moves nothing', async () => {
    const state = 'NV';
    const a = await insertProvider(haven.db, { states: [state], focusAreas: ['grief', 'anxiety'] });
    const b = await insertProvider(haven.db, { states: [state], focusAreas: ['grief', 'anxiety'] });
    for (let i = 0; i < 10; i += 1) await pastCourse(a.id, { focusArea: 'grief', startingBand: 2, improved: true });
    for (let i = 0; i < 10; i += 1) await pastCourse(a.id, { focusArea: 'anxiety', startingBand: 4, improved: true });
    const rows = await repo.candidateProviders(haven.db, today(), { state });
    const client = matchClientOf({ ...(await someClientRow(state)), focus_areas: ['anxiety'], severity_band: 1 });
    const [first, second] = rankEligible(client, rows, null, today());
    expect(first!.score).toBe(second!.score);
    expect(new Set([first!.provider.id, second!.provider.id])).toEqual(new Set([a.id, b.id]));
  });

  it("writes a client's measured outcome from their sealed screeners: the band they started at with this provider and whether the PHQ-9 improved", async () => {
    const provider = await insertProvider(haven.db, { states: ['ID'], focusAreas: ['anxiety', 'depression'] });
    const { care, userId } = await aMatchedClient(
      haven,
      { state: 'ID', focusAreas: ['depression'], phq9: moderate },
      { expectProvider: provider.id },
    );
    expect(care.current).toBeTruthy();
    const client = (await repo.findClientByUser(haven.db, userId))!;
    expect(client.severity_band).toBe(2);
    // Care began five weeks ago, just after the intake.
    await haven.db
      .updateTable('screener_results')
      .set({ taken_at: new Date(Date.now() - 36 * DAY) })
      .where('client_id', '=', client.id)
      .execute();
    await haven.db
      .updateTable('care_assignments')
      .set({ started_at: new Date(Date.now() - 35 * DAY) })
      .where('client_id', '=', client.id)
      .execute();

    const { sealer } = haven.app.context;
    const rescreen = async (items: number[]) => {
      const id = randomUUID();
      const total = items.reduce((sum, item) => sum + item, 0);
      const sealed = await sealer.seal(client.id, JSON.stringify({ items, difficulty: 1, total, band: 'x' }), {
        table: 'screener_results',
        row: id,
        field: 'result',
      });
      await haven.db.transaction().execute(async (trx) => {
        await repo.insertScreenerResults(trx, [{ id, client_id: client.id, instrument: 'phq9', sealed }]);
        await refreshOutcome(trx, sealer, client.id);
      });
    };
    const outcome = () => haven.db.selectFrom('care_outcomes').selectAll().where('provider_id', '=', provider.id).executeTakeFirst();

    await rescreen([2, 2, 2, 1, 1, 1, 1, 1, 0]); // 11: still moderate, a drop of 1
    expect(await outcome()).toMatchObject({ focus_area: 'depression', starting_band: 2, improved: false });
    await rescreen([1, 1, 1, 0, 0, 0, 0, 0, 0]); // 3: minimal
    expect(await outcome()).toMatchObject({ starting_band: 2, improved: true });
    expect((await repo.findClientByUser(haven.db, userId))!.severity_band).toBe(0);
    // One row per course of care, rewritten, never added to.
    expect(
      await haven.db.selectFrom('care_outcomes').select('assignment_id').where('provider_id', '=', provider.id).execute(),
    ).toHaveLength(1);
  });
});

/** A stored client row to compare, with the matching fields of a standard intake in `state`. */
async function someClientRow(state: UsStateCode): Promise<repo.ClientRow> {
  const intake = anIntake();
  const { id } = await insertClient(haven.db);
  await haven.db
    .updateTable('clients')
    .set({
      state,
      focus_areas: ['anxiety'],
      required_languages: intake.requiredLanguages,
      needed_modalities: ['messaging'],
      coverage: 'direct',
    })
    .where('id', '=', id)
    .execute();
  return (await repo.clientsByIds(haven.db, [id]))[0]!;
}
