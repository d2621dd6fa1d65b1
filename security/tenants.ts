// Two whole tenants — a client, their provider, their room with text and a voice note, a live
// session with a progress note and a psychotherapy note, a messaging session, sign-in sessions,
// a safety flag, licences, time off, coverage — seeded with the test factories, so that every
// suite can try one tenant's ids as the other's people. Each tenant's data carries markers: strings
// that appear nowhere else, so any answer holding one shows whose data it is.
import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { aMatchedClient } from '../apps/server/src/testing/clients.ts';
import { messagingAndVideo } from '../apps/server/src/testing/factories.ts';
import type { Haven } from '../apps/server/src/testing/harness.ts';
import { insertLiveSession } from '../apps/server/src/testing/live-sessions.ts';
import { aProvider, anInvitedProvider } from '../apps/server/src/testing/network.ts';
import { anEapCode } from '../apps/server/src/testing/partners.ts';

export type TenantName = 'A' | 'B';

/**
 * Rate limits out of the way: the proof suites send thousands of requests as a few people, and a
 * 429 would hide what the route itself answers. (The limits have their own tests.)
 */
export const unlimitedRates: Record<string, string> = Object.fromEntries(
  [
    'RATE_LIMIT_AUTH_PER_MINUTE',
    'RATE_LIMIT_MESSAGES_PER_MINUTE',
    'RATE_LIMIT_UPLOADS_PER_MINUTE',
    'RATE_LIMIT_INVITES_PER_MINUTE',
    'RATE_LIMIT_SIGN_IN_SESSIONS_PER_MINUTE',
    'RATE_LIMIT_LIVE_CONNECTIONS_PER_MINUTE',
    'HAVEN_LIVE_SUBSCRIBES_PER_MINUTE',
  ].map((name) => [name, '1000000']),
);

/** The kinds of id a path can carry; each seeded id is one of them. */
export const idKinds = [
  'room',
  'client',
  'clientUser',
  'provider',
  'providerUser',
  'liveSession',
  'messagingSession',
  'textMessage',
  'mediaMessage',
  'clientLoginSession',
  'providerLoginSession',
  'licence',
  'timeOff',
  'safetyFlag',
  'breakGlass',
  'coverage',
  'invoice',
  'eapPartner',
  'eapCode',
  'progressNote',
] as const;
export type IdKind = (typeof idKinds)[number];

export type IdRef = { kind: IdKind; tenant: TenantName; value: string };

export type Tenant = {
  name: TenantName;
  client: { cookie: string; userId: string; id: string; email: string; name: string };
  provider: { cookie: string; userId: string; id: string };
  roomId: string;
  liveSessionId: string;
  ids: IdRef[];
  markers: {
    /** Who the client is: for their provider and operators only. */
    identity: string[];
    /** What was said in the room: for the client and their provider (an operator only under break-glass). */
    content: string[];
    /** What the provider wrote in notes: for the provider only. */
    notes: string[];
  };
};

const MINUTE = 60_000;
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '00:00', end: '23:59' }));
const letters = (n: number) =>
  [...randomBytes(n)]
    .map((b) => String.fromCharCode(97 + (b % 26)))
    .join('')
    .replace(/^./, (c) => c.toUpperCase());

/** One tenant: needs `useTestApp({ admin: true })` (EAP codes and break-glass are an operator's). */
export async function seedTenant(haven: Haven, name: TenantName): Promise<Tenant> {
  const state = name === 'A' ? 'TX' : 'OR';
  const clientName = `Mx${letters(10)}`;
  const provider = await aProvider(haven, { states: [state], weekly: EVERY_DAY, modalities: ['messaging', 'video', 'audio'] });
  const code = await anEapCode(haven, 5);
  const client = await aMatchedClient(
    haven,
    {
      state,
      dateOfBirth: '1987-06-05',
      timeZone: 'America/Chicago',
      preferences: messagingAndVideo,
      coverage: { kind: 'eap', code },
      // Item 9 above 0: a safety flag for operators.
      phq9: { items: [1, 1, 0, 0, 0, 0, 0, 0, 1], difficulty: 1 },
    },
    { expectProvider: provider.id, signUp: { preferredName: clientName } },
  );
  const { db } = haven;
  const clientRow = await db.selectFrom('clients').select('id').where('user_id', '=', client.userId).executeTakeFirstOrThrow();
  const ids: IdRef[] = [];
  const add = (kind: IdKind, value: string) => ids.push({ kind, tenant: name, value });
  add('room', client.roomId);
  add('client', clientRow.id);
  add('clientUser', client.userId);
  add('provider', provider.id);
  add('providerUser', provider.userId);

  const content = [`Secret said in room ${name} ${randomUUID()}`, `Reply in room ${name} ${randomUUID()}`];
  for (const [i, text] of content.entries()) {
    const cookie = i === 0 ? client.cookie : provider.cookie;
    const sent = await haven.as(cookie).post(`/api/rooms/${client.roomId}/messages`, { clientMessageId: randomUUID(), text });
    expect(sent.statusCode, sent.body).toBe(201);
    add('textMessage', sent.json<{ id: string }>().id);
  }
  const voice = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from(`voice of ${name} `.repeat(40))]);
  const uploaded = await haven
    .as(client.cookie)
    .post(`/api/rooms/${client.roomId}/uploads?clientMessageId=${randomUUID()}&kind=voice&durationMs=1200`, voice, {
      'content-type': 'audio/webm',
    });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  add('mediaMessage', uploaded.json<{ id: string }>().id);

  const liveSessionId = await insertLiveSession(db, {
    clientId: clientRow.id,
    providerId: provider.id,
    roomId: client.roomId,
    startsAt: new Date(Date.now() - 20 * MINUTE),
  });
  add('liveSession', liveSessionId);
  const notes = [`Progress note of ${name} ${randomUUID()}`, `Psychotherapy note of ${name} ${randomUUID()}`];
  const note = await haven.as(provider.cookie).put(`/api/provider/sessions/${liveSessionId}/note`, {
    presentation: notes[0],
    interventions: 'Grounding.',
    plan: 'Next week.',
    risk: 'None reported.',
    minutes: 50,
    cptCode: '90834',
  });
  expect(note.statusCode, note.body).toBe(200);
  const psychotherapy = await haven
    .as(provider.cookie)
    .put(`/api/provider/sessions/${liveSessionId}/psychotherapy-note`, { text: notes[1] });
  expect(psychotherapy.statusCode, psychotherapy.body).toBe(200);
  for (const row of await db.selectFrom('progress_notes').select('id').where('session_id', '=', liveSessionId).execute()) {
    add('progressNote', row.id);
  }

  const coverage = await db.selectFrom('coverages').select('id').where('client_id', '=', clientRow.id).executeTakeFirstOrThrow();
  add('coverage', coverage.id);
  const messaging = await db
    .insertInto('messaging_sessions')
    .values({
      client_id: clientRow.id,
      provider_id: provider.id,
      coverage_id: coverage.id,
      closes_at: new Date(Date.now() + 7 * 24 * 60 * MINUTE),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  add('messagingSession', messaging.id);
  for (const row of await db.selectFrom('invoices').select('id').where('client_id', '=', clientRow.id).execute()) add('invoice', row.id);
  for (const row of await db.selectFrom('safety_flags').select('id').where('client_id', '=', clientRow.id).execute())
    add('safetyFlag', row.id);
  for (const row of await db.selectFrom('licences').select('id').where('provider_id', '=', provider.id).execute()) add('licence', row.id);
  const timeOff = await db
    .insertInto('time_off')
    .values({
      provider_id: provider.id,
      starts_at: new Date(Date.now() + 30 * 24 * 60 * MINUTE),
      ends_at: new Date(Date.now() + 31 * 24 * 60 * MINUTE),
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  add('timeOff', timeOff.id);
  for (const [kind, userId] of [
    ['clientLoginSession', client.userId],
    ['providerLoginSession', provider.userId],
  ] as const) {
    for (const row of await db
      .selectFrom('login_sessions')
      .select('id')
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .execute()) {
      add(kind, row.id);
    }
  }
  const partner = await db.selectFrom('eap_codes').select(['partner_id', 'code']).where('code', '=', code).executeTakeFirstOrThrow();
  add('eapPartner', partner.partner_id);
  add('eapCode', partner.code);
  const grant = await haven.as(haven.admin).post('/api/admin/break-glass', {
    clientId: clientRow.id,
    reason: `The client reported a crisis by phone; reading the room to follow up (tenant ${name}).`,
  });
  expect(grant.statusCode, grant.body).toBe(201);
  add('breakGlass', grant.json<{ id: string }>().id);

  return {
    name,
    client: { cookie: client.cookie, userId: client.userId, id: clientRow.id, email: client.signUp.email, name: clientName },
    provider: { cookie: provider.cookie, userId: provider.userId, id: provider.id },
    roomId: client.roomId,
    liveSessionId,
    ids,
    markers: { identity: [client.signUp.email, clientName], content, notes },
  };
}

/** Two tenants, and a provider who accepted an invitation and is still onboarding (no clients, no profile). */
export async function seedTenants(haven: Haven): Promise<{ A: Tenant; B: Tenant; pending: { cookie: string; providerId: string } }> {
  const A = await seedTenant(haven, 'A');
  const B = await seedTenant(haven, 'B');
  const invited = await anInvitedProvider(haven, { firstName: 'Pending', lastName: `Onboarding-${letters(4)}` });
  return { A, B, pending: { cookie: invited.cookie, providerId: invited.providerId } };
}
