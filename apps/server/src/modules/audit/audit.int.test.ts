import { randomUUID } from 'node:crypto';
import type {
  UsStateCode,
  AuditSearchResult,
  AuditStatus,
  BreakGlassGrant,
  BreakGlassList,
  BreakGlassRoom,
  RecordAccessList,
} from '@haven/contract';
import { describe, expect, it } from 'vitest';
import { recordAudit, systemActor } from '../../platform/audit/audit.ts';
import { aMatchedClient } from '../../testing/clients.ts';
import { drainEvents } from '../../testing/events.ts';
import { useTestApp } from '../../testing/harness.ts';
import { mailTo } from '../../testing/mailbox.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';
import { signInAsNewAdmin } from '../../testing/test-app.ts';

const haven = useTestApp({ admin: true });
const reason = 'Support ticket: the client wrote that they are unsafe tonight and asked us to read their messages.';

async function world(state: UsStateCode) {
  const provider = await insertProvider(haven.db, { states: [state] });
  const client = await aMatchedClient(haven, { state }, { expectProvider: provider.id });
  const providerCookie = await signInAsProvider(haven.app, provider.id);
  const text = `Message ${randomUUID()}`;
  expect(
    (await haven.as(client.cookie).post(`/api/rooms/${client.roomId}/messages`, { clientMessageId: randomUUID(), text })).statusCode,
  ).toBe(201);
  const clientId = (await haven.db.selectFrom('clients').select('id').where('user_id', '=', client.userId).executeTakeFirstOrThrow()).id;
  return { client, clientId, providerCookie, text };
}

const open = (cookie: string, body: unknown) => haven.as(cookie).post('/api/admin/break-glass', body);

describe('break-glass', () => {
  it('needs a reason, opens the room read-only for its operator alone, shows the client, and is reviewed by a second operator', async () => {
    const { client, clientId, providerCookie, text } = await world('OR');
    const second = await signInAsNewAdmin(haven.app);

    const short = await open(haven.admin, { clientId, reason: 'checking' });
    expect(short.statusCode).toBe(400);
    expect(short.json<{ error: { issues: { field: string }[] } }>().error.issues[0]!.field).toBe('reason');
    expect((await open(client.cookie, { clientId, reason })).statusCode).toBe(403);
    expect((await open(providerCookie, { clientId, reason })).statusCode).toBe(403);
    expect((await open(haven.admin, { clientId: randomUUID(), reason })).statusCode).toBe(404);

    const opened = await open(haven.admin, { clientId, reason });
    expect(opened.statusCode).toBe(201);
    const grant = opened.json<BreakGlassGrant>();
    expect(grant).toMatchObject({ reason, open: true, review: null, client: { id: clientId } });
    expect(Date.parse(grant.expiresAt) - Date.parse(grant.openedAt)).toBe(60 * 60_000);

    const room = await haven.as(haven.admin).get(`/api/admin/break-glass/${grant.id}/room`);
    expect(room.statusCode).toBe(200);
    expect(room.json<BreakGlassRoom>().messages.map((m) => m.text)).toContain(text);
    // Only the operator who gave the reason reads under it.
    expect((await haven.as(second).get(`/api/admin/break-glass/${grant.id}/room`)).statusCode).toBe(404);
    // Read-only: the room's own routes stay closed to operators.
    expect((await haven.as(haven.admin).get(`/api/rooms/${client.roomId}`)).statusCode).toBe(403);

    // The client sees who opened their messages, and why.
    const seen = (await haven.as(client.cookie).get('/api/account/record-access')).json<RecordAccessList>();
    const line = seen.entries.find((e) => e.breakGlass);
    expect(line).toMatchObject({ part: 'messages', who: { role: 'admin' }, breakGlass: { reason } });
    expect(seen.entries.some((e) => e.who.role === 'provider')).toBe(false);

    // The other operators are asked to review it, by an email naming neither client nor reason.
    await drainEvents(haven.app.context);
    const secondEmail = (await haven.db.selectFrom('users').select('email').where('role', '=', 'admin').execute()).map((u) => u.email);
    const asked = (await Promise.all(secondEmail.map((e) => mailTo(haven.db, e))))
      .flat()
      .filter((m) => m.template === 'break_glass.opened');
    expect(asked.length).toBeGreaterThanOrEqual(1);
    for (const mail of asked) expect(mail.text).not.toContain(reason);

    expect(
      (await haven.as(haven.admin).post(`/api/admin/break-glass/${grant.id}/review`, { note: 'Reviewed my own access.' })).statusCode,
    ).toBe(403);
    const ended = await haven.as(haven.admin).post(`/api/admin/break-glass/${grant.id}/end`);
    expect(ended.json<BreakGlassGrant>().open).toBe(false);
    const after = await haven.as(haven.admin).get(`/api/admin/break-glass/${grant.id}/room`);
    expect(after.statusCode).toBe(409);

    const list = (await haven.as(second).get('/api/admin/break-glass')).json<BreakGlassList>();
    expect(list.grants[0]).toMatchObject({ id: grant.id, review: null });
    const reviewed = await haven
      .as(second)
      .post(`/api/admin/break-glass/${grant.id}/review`, { note: 'Ticket checked: the reason holds.' });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json<BreakGlassGrant>().review).toMatchObject({ note: 'Ticket checked: the reason holds.' });
    expect((await haven.as(second).post(`/api/admin/break-glass/${grant.id}/review`, { note: 'Second time round.' })).statusCode).toBe(409);
  });

  it('ends by itself when its time is up', async () => {
    const { clientId } = await world('NV');
    const grant = (await open(haven.admin, { clientId, reason, minutes: 5 })).json<BreakGlassGrant>();
    await haven.db
      .updateTable('break_glass_grants')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', grant.id)
      .execute();
    expect((await haven.as(haven.admin).get(`/api/admin/break-glass/${grant.id}/room`)).statusCode).toBe(409);
  });
});

describe('who saw my record', () => {
  it("lists the provider's views of the room, one line a day, and not the client's own", async () => {
    const { client } = await world('ID');
    const { providerCookie } = { providerCookie: await signInAsProvider(haven.app, (await providerOfClient(client.userId))!) };
    for (let i = 0; i < 3; i++) expect((await haven.as(providerCookie).get(`/api/rooms/${client.roomId}`)).statusCode).toBe(200);
    await haven.as(client.cookie).get(`/api/rooms/${client.roomId}`);
    const seen = (await haven.as(client.cookie).get('/api/account/record-access')).json<RecordAccessList>();
    const messages = seen.entries.filter((e) => e.who.role === 'provider' && e.part === 'messages');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.times).toBeGreaterThanOrEqual(3);
    expect((await haven.as(providerCookie).get('/api/account/record-access')).statusCode).toBe(403);
  });
});

async function providerOfClient(userId: string): Promise<string | undefined> {
  const row = await haven.db
    .selectFrom('care_assignments as a')
    .innerJoin('clients as c', 'c.id', 'a.client_id')
    .select('a.provider_id')
    .where('c.user_id', '=', userId)
    .where('a.ended_at', 'is', null)
    .executeTakeFirst();
  return row?.provider_id;
}

describe('the console', () => {
  it('searches the trail by client and action, pages it, and shows the last verification', async () => {
    const { client } = await world('UT');
    const found = await haven.as(haven.admin).get(`/api/admin/audit?client=${client.userId}&action=message.`);
    expect(found.statusCode).toBe(200);
    const entries = found.json<AuditSearchResult>().entries;
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries.every((e) => e.action.startsWith('message.') && e.client?.id === client.userId)).toBe(true);

    await recordAudit(
      haven.db,
      Array.from({ length: 60 }, (_, i) => ({ actor: systemActor, action: 'test.filler', subject: { type: 'test', id: String(i) } })),
    );
    const first = (await haven.as(haven.admin).get('/api/admin/audit')).json<AuditSearchResult>();
    expect(first.nextBefore).not.toBeNull();
    const next = (await haven.as(haven.admin).get(`/api/admin/audit?before=${first.nextBefore}`)).json<AuditSearchResult>();
    expect(Number(next.entries[0]!.seq)).toBeLessThan(Number(first.nextBefore));

    expect((await haven.as(haven.admin).get('/api/admin/audit?action=DROP TABLE')).statusCode).toBe(400);
    expect((await haven.as(client.cookie).get('/api/admin/audit')).statusCode).toBe(403);

    const verified = await haven.as(haven.admin).post('/api/admin/audit/verify');
    expect(verified.json<AuditStatus>().last).toMatchObject({ intact: true, unchained: 0 });
    expect((await haven.as(haven.admin).get('/api/admin/audit/status')).json<AuditStatus>().last?.intact).toBe(true);
  });
});
