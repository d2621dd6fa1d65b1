import type { ScreenerHistory } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import { aMatchedClient } from '../../testing/clients.ts';
import { drainEvents } from '../../testing/events.ts';
import { mailTo } from '../../testing/mailbox.ts';
import { useTestApp } from '../../testing/harness.ts';
import { aProvider } from '../../testing/network.ts';
import { remindDueRescreens } from './rescreen.service.ts';

const haven = useTestApp({ admin: true });
const DAY_MS = 86_400_000;
const answers = (phq9: number[], gad7: number[]) => ({
  phq9: { items: phq9, difficulty: phq9.some((i) => i > 0) ? 1 : null },
  gad7: { items: gad7 },
});

/** A provider licensed in `state` alone and a client matched with them there, whose intake was `daysAgo` days ago. */
async function aClientInCare(state: 'VT' | 'WY' | 'ME' | 'NH' | 'RI' | 'DE' | 'MT', daysAgo = 28, phq9 = [2, 2, 2, 2, 2, 1, 1, 1, 0]) {
  const provider = await aProvider(haven, { states: [state], languages: ['en'] });
  const client = await aMatchedClient(haven, { state, phq9: { items: phq9, difficulty: 1 } }, { expectProvider: provider.id });
  const clientId = (await haven.db.selectFrom('clients').select('id').where('user_id', '=', client.userId).executeTakeFirstOrThrow()).id;
  const back = new Date(Date.now() - daysAgo * DAY_MS);
  await haven.db.updateTable('screener_results').set({ taken_at: back }).where('client_id', '=', clientId).execute();
  await haven.db.updateTable('care_assignments').set({ started_at: back }).where('client_id', '=', clientId).execute();
  return { provider, client, clientId };
}

const history = async (cookie: string) => (await haven.as(cookie).get('/api/screeners')).json<ScreenerHistory>();

describe('re-screening', () => {
  it('is due 28 days after the latest result, not before, and scores and seals the answers', async () => {
    const early = await aClientInCare('VT', 27);
    expect(await history(early.client.cookie)).toMatchObject({ due: false, intervalDays: 28 });

    const { client, clientId } = await aClientInCare('ME', 28);
    const before = await history(client.cookie);
    expect(before.due).toBe(true);
    expect(before.phq9.map((p) => p.total)).toEqual([13]);

    const after = await haven.as(client.cookie).post('/api/screeners', answers([1, 1, 1, 1, 1, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0, 0]));
    expect(after.statusCode).toBe(201);
    const state = after.json<ScreenerHistory>();
    expect(state.due).toBe(false);
    expect(state.showCrisisResources).toBe(false);
    expect(state.phq9.map((p) => [p.total, p.band])).toEqual([
      [13, 'moderate'],
      [5, 'mild'],
    ]);
    expect(state.phq9[1]?.marks).toMatchObject({ response: true, reliableImprovement: true, remission: false });
    expect(state.gad7.at(-1)).toMatchObject({ total: 2, band: 'minimal', marks: { remission: true } });

    const stored = await haven.db.selectFrom('screener_results').select('sealed').where('client_id', '=', clientId).execute();
    expect(stored).toHaveLength(4);
    for (const row of stored) expect(row.sealed).not.toContain('"total"');
  });

  it('refuses answers that are not 9 and 7 items of 0–3', async () => {
    const { client } = await aClientInCare('NH');
    for (const body of [
      answers([0, 0, 0], [0, 0, 0, 0, 0, 0, 0]),
      answers([0, 0, 0, 0, 0, 0, 0, 0, 4], [0, 0, 0, 0, 0, 0, 0]),
      { phq9: { items: [0, 0, 0, 0, 0, 0, 0, 0, 0] } },
    ]) {
      const response = await haven.as(client.cookie).post('/api/screeners', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
    expect((await history(client.cookie)).phq9).toHaveLength(1);
  });

  it('item 9 above 0 raises a safety flag, shows crisis resources, and alerts the provider and operators at once', async () => {
    const { client, clientId, provider } = await aClientInCare('RI');
    await drainEvents(haven.app.context);
    const response = await haven.as(client.cookie).post('/api/screeners', answers([1, 1, 1, 1, 1, 0, 0, 0, 1], [1, 1, 1, 0, 0, 0, 0]));
    expect(response.json<ScreenerHistory>().showCrisisResources).toBe(true);

    const flags = (await haven.as(haven.admin).get('/api/admin/safety-flags')).json<{
      flags: Array<{ clientId: string; item9: number | null; raisedAt: string }>;
    }>();
    const flag = flags.flags.find((f) => f.clientId === clientId);
    expect(flag).toMatchObject({ item9: 1 });
    expect(Math.abs(new Date(flag!.raisedAt).getTime() - Date.now())).toBeLessThan(60_000);

    await drainEvents(haven.app.context);
    const providerBell = (await haven.as(provider.cookie).get('/api/notifications')).json<{
      items: Array<{ kind: string; text: string }>;
    }>();
    expect(providerBell.items.filter((i) => i.kind === 'screener').map((i) => i.text)).toEqual([
      expect.stringContaining('thoughts of self-harm'),
    ]);
    const providerEmail = (await haven.db.selectFrom('users').select('email').where('id', '=', provider.userId).executeTakeFirstOrThrow())
      .email;
    expect((await mailTo(haven.db, providerEmail)).map((m) => m.template)).toContain('screeners.crisis_answer');
    const adminBell = (await haven.as(haven.admin).get('/api/notifications')).json<{ items: Array<{ kind: string }> }>();
    expect(adminBell.items.some((i) => i.kind === 'screener')).toBe(true);
    const admins = await haven.db.selectFrom('users').select('email').where('role', '=', 'admin').execute();
    const adminMail = (await Promise.all(admins.map((a) => mailTo(haven.db, a.email)))).flat();
    expect(adminMail.map((m) => m.template)).toContain('safety.follow_up');
  });

  it('shows a client to their current provider only, audited with the client named', async () => {
    const { client, clientId, provider } = await aClientInCare('DE');
    const other = await aProvider(haven, { states: ['DE'], languages: ['en'] });
    const path = `/api/provider/clients/${clientId}/screeners`;

    const seen = await haven.as(provider.cookie).get(path);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<ScreenerHistory>().phq9).toHaveLength(1);
    expect((await haven.as(other.cookie).get(path)).statusCode).toBe(404);
    expect((await haven.as(client.cookie).get(path)).statusCode).toBe(403);
    expect((await haven.as(provider.cookie).get(`/api/provider/clients/${crypto.randomUUID()}/screeners`)).statusCode).toBe(404);

    const reads = await haven.db
      .selectFrom('audit_events')
      .select(['actor_id', 'client_user_id'])
      .where('action', '=', 'screeners.read')
      .where('actor_id', '=', provider.userId)
      .execute();
    expect(reads).toEqual([{ actor_id: provider.userId, client_user_id: client.userId }]);
  });

  it('lets the current provider change the interval (audited), which moves the due date', async () => {
    const { client, clientId, provider } = await aClientInCare('MT', 20);
    expect((await history(client.cookie)).due).toBe(false);
    const path = `/api/provider/clients/${clientId}/screeners/interval`;
    expect((await haven.as(provider.cookie).put(path, { days: 10 })).statusCode).toBe(400);
    const changed = await haven.as(provider.cookie).put(path, { days: 14 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<ScreenerHistory>()).toMatchObject({ intervalDays: 14, due: true });
    expect((await history(client.cookie)).due).toBe(true);
    const audit = await haven.db
      .selectFrom('audit_events')
      .select(['detail', 'client_user_id'])
      .where('action', '=', 'screeners.interval_set')
      .where('actor_id', '=', provider.userId)
      .execute();
    expect(audit).toEqual([{ detail: { from: 28, to: 14 }, client_user_id: client.userId }]);
  });

  it('reminds once per due cycle with one bell notice and one email, however often the job runs', async () => {
    const { client } = await aClientInCare('WY', 40);
    await drainEvents(haven.app.context);
    expect(await remindDueRescreens(haven.db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await remindDueRescreens(haven.db, new Date())).toBe(0);
    await drainEvents(haven.app.context);
    const bell = (await haven.as(client.cookie).get('/api/notifications')).json<{ items: Array<{ kind: string }> }>();
    expect(bell.items.filter((i) => i.kind === 'screener')).toHaveLength(1);
    const email = client.signUp.email;
    expect((await mailTo(haven.db, email)).filter((m) => m.template === 'screeners.rescreen_due')).toHaveLength(1);

    // Answering starts a new cycle, due in another 28 days: nothing more now.
    await haven.as(client.cookie).post('/api/screeners', answers([0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]));
    expect(await remindDueRescreens(haven.db, new Date())).toBe(0);
  });
});
