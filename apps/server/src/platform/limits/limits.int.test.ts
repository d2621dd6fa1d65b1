import { randomUUID } from 'node:crypto';
import type { UsStateCode } from '@haven/contract';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { aMatchedClient } from '../../testing/clients.ts';
import { aSignUp } from '../../testing/factories.ts';
import { useTestApp } from '../../testing/harness.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';
import { signInAsNewAdmin } from '../../testing/test-app.ts';

// The default limits, as in production: 60 messages, 20 uploads, 30 invites and 30 ended sign-ins
// a minute per account.
const haven = useTestApp({ admin: true });

async function pair(state: UsStateCode) {
  const provider = await insertProvider(haven.db, { states: [state] });
  const { cookie: client, roomId } = await aMatchedClient(haven, { state }, { expectProvider: provider.id });
  return { client, provider: await signInAsProvider(haven.app, provider.id), roomId };
}

/** A request as `cookie` from `address`: inject's stand-in for a client that changes networks. */
function from(address: string, cookie: string, method: 'POST' | 'DELETE', url: string, payload?: InjectOptions['payload'], headers = {}) {
  const options: InjectOptions = { method, url, remoteAddress: address, headers: { cookie, ...headers } };
  if (payload !== undefined) options.payload = payload;
  return haven.app.http.inject(options);
}

const text = (roomId: string, i: number) => ({
  url: `/api/rooms/${roomId}/messages`,
  body: { clientMessageId: randomUUID(), text: `Note ${i}` },
});
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const pdfUrl = (roomId: string) => `/api/rooms/${roomId}/uploads?clientMessageId=${randomUUID()}&kind=file&filename=notes.pdf`;

describe('per-account rate limits', () => {
  it('refuses the 61st message in a minute from one account, with a clear 429, while the other person still sends', async () => {
    const { client, provider, roomId } = await pair('VT');
    const statuses: number[] = [];
    for (let i = 1; i <= 61; i += 1) {
      const { url, body } = text(roomId, i);
      statuses.push((await haven.as(client).post(url, body)).statusCode);
    }
    expect(statuses.slice(0, 60).every((status) => status === 201)).toBe(true);
    expect(statuses[60]).toBe(429);

    const { url, body } = text(roomId, 62);
    const refused = await haven.as(client).post(url, body);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/try again in/i) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Nothing refused was stored.
    const stored = await haven.db.selectFrom('messages').select('seq').where('room_id', '=', roomId).execute();
    expect(stored).toHaveLength(60);

    const reply = text(roomId, 1);
    expect((await haven.as(provider).post(reply.url, reply.body)).statusCode).toBe(201);
  });

  it('counts by account, not address: a new address for each message buys no more', async () => {
    const { client, roomId } = await pair('NH');
    const statuses: number[] = [];
    for (let i = 1; i <= 61; i += 1) {
      const { url, body } = text(roomId, i);
      statuses.push((await from(`198.51.100.${i}`, client, 'POST', url, body)).statusCode);
    }
    expect(statuses.filter((status) => status === 201)).toHaveLength(60);
    expect(statuses[60]).toBe(429);
  });

  it('refuses the 21st upload in a minute, before reading it, while the other person still uploads', async () => {
    const { client, provider, roomId } = await pair('ME');
    const upload = (cookie: string, address: string) =>
      from(address, cookie, 'POST', pdfUrl(roomId), PDF, { 'content-type': 'application/pdf' });
    const statuses: number[] = [];
    for (let i = 1; i <= 21; i += 1) statuses.push((await upload(client, `203.0.113.${i}`)).statusCode);
    expect(statuses.slice(0, 20).every((status) => status === 201)).toBe(true);
    const refused = await upload(client, '203.0.113.99');
    expect([statuses[20], refused.statusCode]).toEqual([429, 429]);
    expect(refused.json().error.code).toBe('rate_limited');
    // Its body was never read: the connection is not kept for another request.
    expect(refused.headers.connection).toBe('close');
    expect((await upload(provider, '203.0.113.1')).statusCode).toBe(201);
  });

  it('refuses the 31st invitation in a minute from one operator, while another operator still invites', async () => {
    const invite = (cookie: string) =>
      haven.as(cookie).post('/api/admin/provider-invites', { email: aSignUp().email, firstName: 'Marisol', lastName: 'Ortega' });
    const statuses: number[] = [];
    for (let i = 1; i <= 31; i += 1) statuses.push((await invite(haven.admin)).statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
    const invited = await haven.db.selectFrom('provider_invites').select('id').execute();
    expect(invited).toHaveLength(30);
    expect((await invite(await signInAsNewAdmin(haven.app))).statusCode).toBe(201);
  });

  it('limits ending sign-ins one by one and signing out everywhere else', async () => {
    const { client } = await pair('RI');
    const statuses: number[] = [];
    for (let i = 1; i <= 31; i += 1) statuses.push((await haven.as(client).delete(`/api/auth/sessions/${randomUUID()}`)).statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses[30]).toBe(429);

    const others: number[] = [];
    for (let i = 1; i <= 31; i += 1) others.push((await haven.as(client).post('/api/auth/sessions/sign-out-others')).statusCode);
    expect(others.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(others[30]).toBe(429);
  });
});
