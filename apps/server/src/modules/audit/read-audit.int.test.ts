// Every read of health data leaves its audit row: this test walks every GET route in the OpenAPI
// document. The table below is the one place that says which routes show a client's record (and
// which action their row carries) and why the others do not; a route added without a line here
// fails the first test, and a health read that leaves no row fails the second.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { aMatchedClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { insertLiveSession } from '../../testing/live-sessions.ts';
import { connectLive } from '../../testing/live-socket.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';

const haven = useTestApp({ admin: true, listen: true });

type Ids = { clientId: string; roomId: string; messageId: string; sessionId: string; grantId: string; email: string; providerId: string };
type Who = 'client' | 'provider' | 'admin';
/** A health read: who may call it, on which URL, the action its row carries and whose record it shows. */
type Read = { as: Who; url: (ids: Ids) => string; action: string; whose: 'client' | 'queued' | null };
type Route = Read | { none: string };

const DAY = 86_400_000;
const range = () => `from=${new Date(Date.now() - 7 * DAY).toISOString()}&to=${new Date(Date.now() + 7 * DAY).toISOString()}`;

const routes: Record<string, Route> = {
  'GET /api/health': { none: 'service health' },
  'GET /api/me': { none: 'the signed-in account itself' },
  'GET /api/auth/sessions': { none: 'the account’s own sign-in sessions' },
  'GET /api/account/mfa': { none: 'whether two-step sign-in is on' },
  'GET /api/account/details': { none: 'the account’s own name, email and settings' },
  'GET /api/notifications': { none: 'the person’s own bell; notices carry no clinical content' },
  'GET /api/providers/{id}': { none: 'a provider’s public profile' },
  'GET /api/providers/{id}/slots': { none: 'a provider’s open times' },
  'GET /api/providers/{id}/photo': { none: 'a provider’s public photo' },
  'GET /api/provider-invites/{token}': { none: 'an invitation to join as a provider' },
  'GET /api/provider/workspace': { none: 'the provider’s own profile and licences' },
  'GET /api/provider/session-settings': { none: 'the provider’s own booking settings' },
  'GET /api/intake/first-session-slots': { none: 'open times with eligible providers' },
  'GET /api/sessions/options': { none: 'open times with the client’s provider' },
  'GET /api/sessions/{id}/options': { none: 'open times a session could move to' },
  'GET /api/coverage/options': { none: 'the plans on offer' },
  'GET /api/admin/providers': { none: 'the provider network' },
  'GET /api/admin/providers/{id}': { none: 'one provider’s onboarding record' },
  'GET /api/admin/licences': { none: 'providers’ licences' },
  'GET /api/admin/partners': { none: 'EAP organisations and health plans' },
  'GET /api/admin/plans': { none: 'the plan catalogue' },
  'GET /api/admin/response-times': { none: 'per-provider figures, no client named' },
  'GET /api/admin/outbox': { none: 'queued emails, which never carry clinical content' },
  'GET /api/admin/audit/status': { none: 'the audit chain’s last verification' },

  'GET /api/account/record-access': {
    as: 'client',
    url: () => '/api/account/record-access',
    action: 'record.access_read',
    whose: 'client',
  },
  'GET /api/account/export.fhir.json': {
    as: 'client',
    url: () => '/api/account/export.fhir.json',
    action: 'record.exported',
    whose: 'client',
  },
  'GET /api/account/export.html': { as: 'client', url: () => '/api/account/export.html', action: 'record.exported', whose: 'client' },
  'GET /api/intake': { as: 'client', url: () => '/api/intake', action: 'intake.read', whose: 'client' },
  'GET /api/care': { as: 'client', url: () => '/api/care', action: 'care.read', whose: 'client' },
  'GET /api/coverage': { as: 'client', url: () => '/api/coverage', action: 'coverage.read', whose: 'client' },
  'GET /api/rooms': { as: 'client', url: () => '/api/rooms', action: 'rooms.listed', whose: 'client' },
  'GET /api/rooms/{roomId}': { as: 'provider', url: (ids) => `/api/rooms/${ids.roomId}`, action: 'messages.read', whose: 'client' },
  'GET /api/rooms/{roomId}/messages': {
    as: 'provider',
    url: (ids) => `/api/rooms/${ids.roomId}/messages?after=0`,
    action: 'messages.read',
    whose: 'client',
  },
  'GET /api/rooms/{roomId}/messages/{messageId}/media': {
    as: 'provider',
    url: (ids) => `/api/rooms/${ids.roomId}/messages/${ids.messageId}/media`,
    action: 'media.read',
    whose: 'client',
  },
  'GET /api/provider/inbox': { as: 'provider', url: () => '/api/provider/inbox', action: 'inbox.read', whose: 'client' },
  'GET /api/provider/clients': { as: 'provider', url: () => '/api/provider/clients', action: 'caseload.read', whose: 'client' },
  'GET /api/screeners': { as: 'client', url: () => '/api/screeners', action: 'screeners.read', whose: 'client' },
  'GET /api/provider/clients/{clientId}/screeners': {
    as: 'provider',
    url: (ids) => `/api/provider/clients/${ids.clientId}/screeners`,
    action: 'screeners.read',
    whose: 'client',
  },
  'GET /api/provider/calendar': {
    as: 'provider',
    url: () => `/api/provider/calendar?${range()}`,
    action: 'calendar.read',
    whose: 'client',
  },
  'GET /api/provider/sessions/{id}/note': {
    as: 'provider',
    url: (ids) => `/api/provider/sessions/${ids.sessionId}/note`,
    action: 'session_notes.viewed',
    whose: 'client',
  },
  'GET /api/sessions': { as: 'provider', url: () => '/api/sessions', action: 'sessions.read', whose: 'client' },
  'GET /api/sessions/{id}': { as: 'client', url: (ids) => `/api/sessions/${ids.sessionId}`, action: 'sessions.read', whose: 'client' },
  'GET /api/sessions/calendar.ics': {
    as: 'provider',
    url: () => '/api/sessions/calendar.ics',
    action: 'calendar.exported',
    whose: 'client',
  },
  'GET /api/sessions/{id}/calendar.ics': {
    as: 'client',
    url: (ids) => `/api/sessions/${ids.sessionId}/calendar.ics`,
    action: 'calendar.exported',
    whose: 'client',
  },
  'GET /api/admin/safety-flags': { as: 'admin', url: () => '/api/admin/safety-flags', action: 'safety.flags_read', whose: 'client' },
  'GET /api/admin/matching': { as: 'admin', url: () => '/api/admin/matching', action: 'matching.read', whose: 'queued' },
  'GET /api/admin/clients': {
    as: 'admin',
    url: (ids) => `/api/admin/clients?q=${encodeURIComponent(ids.email)}`,
    action: 'clients.searched',
    whose: 'client',
  },
  'GET /api/admin/clients/{id}/ledger': {
    as: 'admin',
    url: (ids) => `/api/admin/clients/${ids.clientId}/ledger`,
    action: 'ledger.read',
    whose: 'client',
  },
  'GET /api/admin/audit': { as: 'admin', url: () => '/api/admin/audit', action: 'audit.searched', whose: null },
  'GET /api/admin/break-glass': { as: 'admin', url: () => '/api/admin/break-glass', action: 'break_glass.listed', whose: null },
  'GET /api/admin/break-glass/{id}/room': {
    as: 'admin',
    url: (ids) => `/api/admin/break-glass/${ids.grantId}/room`,
    action: 'break_glass.read',
    whose: 'client',
  },
};

async function getRoutes(): Promise<string[]> {
  const doc = (await haven.signedOut.get('/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => method === 'get')
      .map(() => `GET ${path}`),
  );
}

/** A provider and a matched client with an item-9 answer, a message, a voice note, sessions, and a break-glass grant; and a queued client. */
async function aRecord() {
  const provider = await insertProvider(haven.db, { states: ['OR'] });
  const phq9 = { items: [1, 1, 1, 1, 1, 1, 1, 1, 1], difficulty: 1 };
  const client = await aMatchedClient(haven, { state: 'OR', phq9 }, { expectProvider: provider.id });
  const queued = await aMatchedClient(haven, { state: 'WY' });
  const providerCookie = await signInAsProvider(haven.app, provider.id);
  const { id: clientId } = await haven.db.selectFrom('clients').select('id').where('user_id', '=', client.userId).executeTakeFirstOrThrow();
  await haven.as(client.cookie).post(`/api/rooms/${client.roomId}/messages`, { clientMessageId: randomUUID(), text: 'Hard week.' });
  const voice = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('opus voice note body '.repeat(50))]);
  const sent = await haven
    .as(client.cookie)
    .post(`/api/rooms/${client.roomId}/uploads?clientMessageId=${randomUUID()}&kind=voice&durationMs=4200`, voice, {
      'content-type': 'audio/webm;codecs=opus',
    });
  expect(sent.statusCode, sent.body).toBe(201);
  const sessionId = await insertLiveSession(haven.db, {
    clientId,
    providerId: provider.id,
    roomId: client.roomId,
    startsAt: new Date(Date.now() - 2 * 3_600_000),
    status: 'completed',
  });
  await insertLiveSession(haven.db, { clientId, providerId: provider.id, roomId: client.roomId, startsAt: new Date(Date.now() + 2 * DAY) });
  const grant = await haven.as(haven.admin).post('/api/admin/break-glass', {
    clientId,
    reason: 'Client reported an emergency to support; checking the last messages.',
  });
  expect(grant.statusCode, grant.body).toBe(201);
  const ids: Ids = {
    clientId,
    roomId: client.roomId,
    messageId: sent.json<{ id: string }>().id,
    sessionId,
    grantId: grant.json<{ id: string }>().id,
    email: client.signUp.email,
    providerId: provider.id,
  };
  return { ids, cookies: { client: client.cookie, provider: providerCookie, admin: haven.admin }, client, queued };
}

const lastSeq = async () =>
  Number(
    (
      await haven.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirstOrThrow()
    ).seq ?? 0,
  );

const rowsAfter = (seq: number) =>
  haven.db
    .selectFrom('audit_events')
    .select(['action', 'actor_id', 'client_user_id', 'ip', 'outcome'])
    .where('seq', '>', String(seq))
    .execute();

it('classifies every GET route in the OpenAPI document, and no route that is gone', async () => {
  const documented = await getRoutes();
  expect(documented.filter((route) => !(route in routes))).toEqual([]);
  expect(Object.keys(routes).filter((route) => !documented.includes(route))).toEqual([]);
});

it('leaves a durable row, naming who, from where and whose record, for every read of health data', async () => {
  const { ids, cookies, client, queued } = await aRecord();
  const actors = {
    client: client.userId,
    admin: (await haven.as(haven.admin).get('/api/me')).json<{ user: { id: string } }>().user.id,
    provider: (await haven.as(cookies.provider).get('/api/me')).json<{ user: { id: string } }>().user.id,
  };
  const unaudited: string[] = [];
  for (const [route, rule] of Object.entries(routes)) {
    if ('none' in rule) continue;
    const before = await lastSeq();
    const response = await haven.as(cookies[rule.as]).get(rule.url(ids));
    expect(response.statusCode, `${route}: ${response.body.slice(0, 200)}`).toBe(200);
    const whose = rule.whose === 'client' ? client.userId : rule.whose === 'queued' ? queued.userId : null;
    const rows = await rowsAfter(before);
    const row = rows.find(
      (r) => r.action === rule.action && r.actor_id === actors[rule.as] && (whose === null || r.client_user_id === whose),
    );
    if (!row) unaudited.push(`${route} (${JSON.stringify(rows.map((r) => r.action))})`);
    else expect(row, route).toMatchObject({ outcome: 'allowed', ip: expect.any(String) });
  }
  expect(unaudited).toEqual([]);

  // The live socket's backfill is a read too.
  const before = await lastSeq();
  const tab = await connectLive(haven.baseUrl, cookies.provider);
  tab.send({ type: 'subscribe', roomId: ids.roomId, afterSeq: 0 });
  await tab.next((f) => f.type === 'subscribed');
  tab.socket.close();
  expect(await rowsAfter(before)).toContainEqual(
    expect.objectContaining({ action: 'messages.read', actor_id: actors.provider, client_user_id: client.userId }),
  );
});

it('records sign-in, a failed sign-in, sign-out and a refused read', async () => {
  const { ids, cookies, client } = await aRecord();
  const before = await lastSeq();
  expect(
    (await haven.signedOut.post('/api/auth/sign-in', { email: client.signUp.email, password: 'not the password at all' })).statusCode,
  ).toBe(401);
  const signedIn = await haven.signedOut.post('/api/auth/sign-in', { email: client.signUp.email, password: client.signUp.password });
  expect(signedIn.statusCode).toBe(200);
  const other = await aMatchedClient(haven, { state: 'WY' });
  expect([403, 404]).toContain((await haven.as(other.cookie).get(`/api/rooms/${ids.roomId}/messages?after=0`)).statusCode);
  expect((await haven.as(cookies.client).post('/api/auth/sign-out')).statusCode).toBe(204);
  const rows = await rowsAfter(before);
  expect(rows).toContainEqual(expect.objectContaining({ action: 'account.sign_in_failed', actor_id: null, outcome: 'denied' }));
  expect(rows).toContainEqual(expect.objectContaining({ action: 'account.signed_in', actor_id: client.userId, outcome: 'allowed' }));
  expect(rows).toContainEqual(expect.objectContaining({ action: 'access.denied', actor_id: other.userId, outcome: 'denied' }));
  expect(rows).toContainEqual(expect.objectContaining({ action: 'account.signed_out', actor_id: client.userId }));
});
