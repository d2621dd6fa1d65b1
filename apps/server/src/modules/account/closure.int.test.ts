import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DataKeyDestroyed } from '../../platform/crypto/envelope.ts';
import { aMatchedClient } from '../../testing/clients.ts';
import { drainEvents } from '../../testing/events.ts';
import { useTestApp } from '../../testing/harness.ts';
import { insertLiveSession } from '../../testing/live-sessions.ts';
import { connectLive } from '../../testing/live-socket.ts';
import { mailTo } from '../../testing/mailbox.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';
import { retainUntil, shredDueRecords } from './closure.service.ts';

const haven = useTestApp({ listen: true, env: { HAVEN_RETENTION_YEARS: '7' } });
const DAY = 86_400_000;

async function aClientInCare(state: 'OR' | 'WA' | 'NV') {
  const provider = await insertProvider(haven.db, { states: [state] });
  const client = await aMatchedClient(haven, { state }, { expectProvider: provider.id });
  const providerCookie = await signInAsProvider(haven.app, provider.id);
  const { id: clientId } = await haven.db.selectFrom('clients').select('id').where('user_id', '=', client.userId).executeTakeFirstOrThrow();
  const sent = await haven
    .as(client.cookie)
    .post(`/api/rooms/${client.roomId}/messages`, { clientMessageId: randomUUID(), text: 'I am moving abroad.' });
  expect(sent.statusCode).toBe(201);
  const sessionId = await insertLiveSession(haven.db, {
    clientId,
    providerId: provider.id,
    roomId: client.roomId,
    startsAt: new Date(Date.now() + 3 * DAY),
  });
  return { client, clientId, providerCookie, sessionId };
}

describe('closing an account', () => {
  it('asks for the password, and a provider cannot close through it', async () => {
    const { client, providerCookie } = await aClientInCare('OR');
    const wrong = await haven.as(client.cookie).post('/api/account/close', { currentPassword: 'not my password at all' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0]).toMatchObject({ field: 'currentPassword' });
    expect((await haven.as(client.cookie).post('/api/account/close', {})).statusCode).toBe(400);
    expect((await haven.as(providerCookie).post('/api/account/close', { currentPassword: 'whatever it is' })).statusCode).toBe(403);
    expect((await haven.as(client.cookie).get('/api/care')).statusCode).toBe(200);
  });

  it('ends access at once: sign-ins, the open socket, care, upcoming sessions and renewals', async () => {
    const { client, clientId, providerCookie, sessionId } = await aClientInCare('WA');
    const tab = await connectLive(haven.baseUrl, client.cookie);
    const closedSocket = new Promise<number>((resolve) => tab.socket.once('close', (code) => resolve(code)));

    const closed = await haven.as(client.cookie).post('/api/account/close', { currentPassword: client.signUp.password });
    expect(closed.statusCode, closed.body).toBe(200);
    const until = new Date(closed.json<{ retainUntil: string }>().retainUntil);
    expect(until.getUTCFullYear()).toBe(new Date().getUTCFullYear() + 7);
    expect(await closedSocket).toBeGreaterThan(0);

    expect((await haven.as(client.cookie).get('/api/care')).statusCode).toBe(401);
    const again = await haven.signedOut.post('/api/auth/sign-in', { email: client.signUp.email, password: client.signUp.password });
    expect(again.statusCode).toBe(401);
    // The provider no longer has the client, and the session is cancelled (they are told).
    const caseload = (await haven.as(providerCookie).get('/api/provider/clients')).json<{ clients: Array<{ clientId: string }> }>();
    expect(caseload.clients.map((c) => c.clientId)).not.toContain(clientId);
    expect((await haven.db.selectFrom('live_sessions').select('status').where('id', '=', sessionId).executeTakeFirstOrThrow()).status).toBe(
      'cancelled',
    );
    expect((await haven.as(providerCookie).get(`/api/rooms/${client.roomId}`)).statusCode).toBe(403);
    const coverage = await haven.db.selectFrom('coverages').select('ended_at').where('client_id', '=', clientId).execute();
    expect(coverage.every((c) => c.ended_at !== null)).toBe(true);

    // A reset link asked for now goes nowhere; the closure's own confirmation is the last email.
    expect((await haven.signedOut.post('/api/auth/password-reset', { email: client.signUp.email })).statusCode).toBe(202);
    await drainEvents(haven.app.context);
    const templates = (await mailTo(haven.db, client.signUp.email)).map((m) => m.template);
    expect(templates).toContain('account.closed');
    expect(templates).not.toContain('account.password_reset');
    const audit = await haven.db
      .selectFrom('audit_events')
      .select(['action', 'client_user_id'])
      .where('action', '=', 'account.closed')
      .execute();
    expect(audit).toContainEqual({ action: 'account.closed', client_user_id: client.userId });
  });

  it('keeps the record for the retention period, then destroys its key and erases the name', async () => {
    const { client, clientId } = await aClientInCare('NV');
    await drainEvents(haven.app.context);
    const { sealer } = haven.app.context;
    expect((await haven.as(client.cookie).post('/api/account/close', { currentPassword: client.signUp.password })).statusCode).toBe(200);
    const message = await haven.db
      .selectFrom('messages')
      .innerJoin('rooms', 'rooms.id', 'messages.room_id')
      .select(['messages.id', 'messages.body_sealed'])
      .where('rooms.client_id', '=', clientId)
      .executeTakeFirstOrThrow();
    const read = () => sealer.open(clientId, message.body_sealed!, { table: 'messages', row: message.id, field: 'body' });

    // A day before the period ends, nothing is destroyed: the record still reads.
    const { retain_until } = await haven.db
      .selectFrom('clients')
      .select('retain_until')
      .where('id', '=', clientId)
      .executeTakeFirstOrThrow();
    await shredDueRecords(haven.app.context, new Date(retain_until!.getTime() - DAY));
    expect(await read()).toBe('I am moving abroad.');

    expect(await shredDueRecords(haven.app.context, new Date(retain_until!.getTime() + DAY))).toBeGreaterThanOrEqual(1);
    await expect(read()).rejects.toThrow(DataKeyDestroyed);
    const user = await haven.db
      .selectFrom('users')
      .select(['email', 'preferred_name'])
      .where('id', '=', client.userId)
      .executeTakeFirstOrThrow();
    expect(user.email).not.toContain(client.signUp.email);
    expect(user.preferred_name).toBe('Former client');
    // Nothing written to them in clear is left: no emails to the old address, no bell.
    expect(await mailTo(haven.db, client.signUp.email)).toEqual([]);
    expect(await haven.db.selectFrom('notifications').select('id').where('user_id', '=', client.userId).execute()).toEqual([]);
    const { state } = await haven.db.selectFrom('clients').select('state').where('id', '=', clientId).executeTakeFirstOrThrow();
    expect(state).toBeNull();
    // Run again, nothing is left to do for this client.
    const shreddedAt = (await haven.db.selectFrom('clients').select('shredded_at').where('id', '=', clientId).executeTakeFirstOrThrow())
      .shredded_at;
    expect(shreddedAt).not.toBeNull();
  });
});

it('counts the retention period in whole years from the last contact', () => {
  expect(retainUntil(new Date('2026-12-04T10:00:00Z'), 7).toISOString()).toBe('2033-12-04T10:00:00.000Z');
  expect(retainUntil(new Date('2024-02-29T00:00:00Z'), 1).toISOString()).toBe('2025-03-01T00:00:00.000Z');
});
