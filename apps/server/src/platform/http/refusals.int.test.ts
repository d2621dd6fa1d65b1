import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ApiError } from '@haven/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { aMatchedClient, aSignedUpClient } from '../../testing/clients.ts';
import { aSignUp } from '../../testing/factories.ts';
import { useTestApp } from '../../testing/harness.ts';
import { insertProvider } from '../../testing/network.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

const MiB = 2 ** 20;
// A built web app of our own, so the path tests do not depend on `npm run build` having run.
const webDist = mkdtempSync(path.join(os.tmpdir(), 'haven-web-'));
mkdirSync(path.join(webDist, 'assets'));
writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Haven</title>');
const haven = useTestApp({ listen: true, env: { HAVEN_WEB_DIST: webDist } });
afterAll(() => rmSync(webDist, { recursive: true, force: true }));

const signedUp = async () => (await aSignedUpClient(haven)).cookie;

/** A client with a finished intake, matched to a provider: their cookie and room. */
async function matchedClient(): Promise<{ cookie: string; roomId: string }> {
  const provider = await insertProvider(haven.db, { states: ['TX'] });
  return aMatchedClient(haven, { state: 'TX' }, { expectProvider: provider.id });
}

type Streamed = { status: number; body: string; sent: number };

/**
 * An upload over a raw socket that keeps sending `total` bytes (one reused chunk, so this side
 * holds almost nothing) until the server answers or hangs up. `sent` is how much it got to write.
 */
function streamUpload(url: string, total: number, headers: Record<string, string>, declareLength = true): Promise<Streamed> {
  // Starts like a PDF, so what refuses a file is its size, not its first bytes (checked as they stream).
  const chunk = Buffer.alloc(MiB, 7);
  chunk.write('%PDF-1.7\n', 'latin1');
  const head = {
    host: 'localhost',
    'content-type': 'video/webm',
    ...(declareLength ? { 'content-length': String(total) } : { 'transfer-encoding': 'chunked' }),
    ...headers,
  };
  const frame = (part: Buffer) =>
    declareLength ? part : Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]);
  return new Promise((resolve) => {
    let sent = 0;
    let received = '';
    const socket = net.connect(Number(new URL(haven.baseUrl).port), '127.0.0.1');
    const answered = () => /\r\n\r\n/.test(received);
    const done = () => {
      socket.destroy();
      const [top = '', body = ''] = received.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(top)?.[1] ?? 0),
        body: body.replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/g, ''),
        sent,
      });
    };
    socket.on('data', (data: Buffer) => {
      received += data.toString('utf8');
      if (answered() && /\r\n\r\n[\s\S]*\}/.test(received)) done();
    });
    // The server hangs up on a refused upload: writing on after that fails, and the answer is in.
    socket.on('error', done);
    socket.on('close', done);
    const pump = () => {
      while (!answered() && !socket.destroyed && sent < total) {
        sent += chunk.length;
        if (!socket.write(frame(chunk))) return void socket.once('drain', pump);
      }
      if (!answered() && sent >= total) socket.end(declareLength ? '' : '0\r\n\r\n');
    };
    socket.once('connect', () => {
      socket.write(
        `POST ${url} HTTP/1.1\r\n${Object.entries(head)
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('')}\r\n`,
      );
      pump();
    });
  });
}

const uploadUrl = (roomId: string, kind: 'voice' | 'video' | 'file') =>
  `/api/rooms/${roomId}/uploads?clientMessageId=${randomUUID()}&kind=${kind}${kind === 'file' ? '&filename=notes.pdf' : ''}`;

describe('uploads are admitted from their headers, before the body is read', () => {
  it('refuses four anonymous 200 MiB uploads in parallel without reading them or growing in memory', async () => {
    const before = process.memoryUsage().rss;
    const answers = await Promise.all([1, 2, 3, 4].map(() => streamUpload(uploadUrl(randomUUID(), 'video'), 200 * MiB, {})));
    const grown = process.memoryUsage().rss - before;
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'unauthenticated' } });
      expect(answer.sent).toBeLessThan(64 * MiB);
    }
    expect(grown).toBeLessThan(50 * MiB);
  });

  it("refuses an upload into someone else's room before reading it", async () => {
    const { roomId } = await matchedClient();
    const stranger = await signedUp();
    const answer = await streamUpload(uploadUrl(roomId, 'video'), 150 * MiB, { cookie: stranger });
    expect(answer.status).toBe(403);
    expect(answer.sent).toBeLessThan(64 * MiB);
  });

  it('refuses a file declared larger than 20 MB at once, and one that is not declared as soon as it passes 20 MB', async () => {
    const { cookie, roomId } = await matchedClient();
    const declared = await streamUpload(uploadUrl(roomId, 'file'), 150 * MiB, { cookie, 'content-type': 'application/pdf' });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ error: { code: 'payload_too_large', message: 'A file can be at most 20 MB.' } });
    expect(declared.sent).toBeLessThan(64 * MiB);

    const chunked = await streamUpload(uploadUrl(roomId, 'file'), 150 * MiB, { cookie, 'content-type': 'application/pdf' }, false);
    expect(chunked.status).toBe(413);
    expect(chunked.sent).toBeLessThan(100 * MiB);
  });
});

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> } };

/** Every string in a JSON schema, as the body that holds only it (set to `text`) and its dotted path. */
function stringFields(schema: Schema, text: string, at: string[] = []): Array<{ field: string; body: unknown }> {
  const wrap = (value: unknown): unknown =>
    at.reduceRight<unknown>((inner, key) => (/^\d+$/.test(key) ? [inner] : { [key]: inner }), value);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const found: Array<{ field: string; body: unknown }> = types.includes('string') ? [{ field: at.join('.'), body: wrap(text) }] : [];
  for (const [key, inner] of Object.entries(schema.properties ?? {})) found.push(...stringFields(inner, text, [...at, key]));
  if (schema.items) found.push(...stringFields(schema.items, text, [...at, '0']));
  for (const inner of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    found.push(...stringFields(inner, text, at));
  return found;
}

async function apiOperations(): Promise<Array<{ method: string; url: string; operation: Operation }>> {
  const document = (await haven.app.http.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, Operation>>;
  }>();
  return Object.entries(document.paths).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      url: route.replace(/\{[^}]+\}/g, () => randomUUID()),
      operation,
    })),
  );
}

describe('text PostgreSQL cannot store', () => {
  it('is a 400 naming the field, in every string field of every JSON body', async () => {
    const cookie = await signedUp();
    const cases = (await apiOperations()).flatMap(({ method, url, operation }) => {
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      return schema ? stringFields(schema, 'my\u0000note').map((c) => ({ method, url, ...c })) : [];
    });
    expect(cases.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const { method, url, field, body } of cases) {
      const response = await haven.app.http.inject({ method: method as 'POST', url, headers: { cookie }, payload: body as object });
      const error = response.json<ApiError>().error;
      if (response.statusCode !== 400 || error?.issues?.[0]?.field !== field || !/NUL/.test(error.message)) {
        wrong.push(`${method} ${url} ${field}: ${response.statusCode} ${response.body.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is a 400 in a query string and a key too', async () => {
    const cookie = await signedUp();
    const query = await haven.app.http.inject({
      method: 'GET',
      url: `/api/rooms/${randomUUID()}/messages?before=1%00`,
      headers: { cookie },
    });
    expect(query.statusCode).toBe(400);
    expect(query.json<ApiError>().error.issues?.[0]?.field).toBe('query.before');
    const key = await haven.app.http.inject({
      method: 'PUT',
      url: '/api/intake',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"step":"about","answers":{"a\\u0000b":1}}',
    });
    expect(key.statusCode).toBe(400);
    expect(key.json<ApiError>().error.issues?.[0]?.field).toBe('answers.a\u0000b');
  });
});

describe('deeply nested bodies', () => {
  // Found by security/fuzz: 20,000 levels of `[` overflowed the stack of the NUL check: a 500.
  it.each([
    ['arrays', '['.repeat(20_000) + ']'.repeat(20_000)],
    ['objects', '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)],
    ['answers', `{"step":"about","answers":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`],
  ])('of %s are a 400 that says so', async (_, payload) => {
    const response = await haven.app.http.inject({
      method: 'PUT',
      url: '/api/intake',
      headers: { cookie: await signedUp(), 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<ApiError>().error).toMatchObject({ code: 'malformed_request', message: expect.stringMatching(/nests deeper/) });
  });
});

describe('paths', () => {
  it.each(['/' + 'a'.repeat(256), '/assets/' + 'b'.repeat(300) + '.js', '/' + 'c/'.repeat(200)])(
    '%s is not a server error',
    async (url) => {
      const response = await haven.app.http.inject({ method: 'GET', url });
      expect(response.statusCode).toBeLessThan(500);
    },
  );

  // Found by security/fuzz: the router answered these in Fastify's own format, echoing the address.
  it.each([
    [`/api/rooms/%/read`, /broken %-escape/],
    [`/api/sessions/${'x'.repeat(300)}/cancel`, /too long/],
  ])('POST %s is a 400 in the API’s own words, with a request id', async (url, words) => {
    const response = await haven.app.http.inject({ method: 'POST', url, headers: { cookie: await signedUp() }, payload: {} });
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json<ApiError>();
    expect(error).toMatchObject({ code: 'malformed_request', requestId: response.headers['x-request-id'] });
    expect(error.message).toMatch(words);
    expect(response.body).not.toContain('FST_');
  });
});

describe('API answers are never cached', () => {
  it('every GET in the API document, and errors, carry Cache-Control: no-store', async () => {
    const cookie = await signedUp();
    const gets = (await apiOperations()).filter((o) => o.method === 'GET');
    expect(gets.length).toBeGreaterThan(30);
    const cached: string[] = [];
    for (const { url } of gets) {
      for (const headers of [{ cookie }, {}]) {
        const response = await haven.app.http.inject({ method: 'GET', url, headers });
        if (!String(response.headers['cache-control'] ?? '').includes('no-store')) {
          cached.push(`${url} ${response.statusCode}: ${response.headers['cache-control']}`);
        }
      }
    }
    expect(cached).toEqual([]);
    const signUp = await haven.app.http.inject({ method: 'POST', url: '/api/auth/sign-up', payload: aSignUp() });
    expect(signUp.statusCode).toBe(202);
    expect(signUp.headers['cache-control']).toBe('no-store');
  });

  it('while the web app itself stays cacheable', async () => {
    await fs.writeFile(path.join(webDist, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
    const asset = await haven.app.http.inject({ method: 'GET', url: '/assets/app-1a2b3c.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
  });
});

describe('the client address behind a proxy', () => {
  const wrongPassword = (target: TestApp, forwardedFor: string) =>
    target.http.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'x-forwarded-for': forwardedFor },
      // A new email each time: what is counted here is the address, not the account (sign-in-backoff.int.test.ts).
      payload: { email: `nobody-${randomUUID()}@example.org`, password: 'not the password at all' },
    });

  it('is not taken from X-Forwarded-For sent by an untrusted peer, even in production', async () => {
    const production = await startTestApp({ HAVEN_ENV: 'production', RATE_LIMIT_AUTH_PER_MINUTE: '5' });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 8; i += 1) statuses.push((await wrongPassword(production, `203.0.113.${i}`)).statusCode);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
    } finally {
      await production.close();
    }
  });

  it('is taken from X-Forwarded-For when the peer is a trusted proxy', async () => {
    const proxied = await startTestApp({ HAVEN_TRUSTED_PROXIES: '127.0.0.1', RATE_LIMIT_AUTH_PER_MINUTE: '5' });
    try {
      const others: number[] = [];
      for (let i = 1; i <= 8; i += 1) others.push((await wrongPassword(proxied, `203.0.113.${i}`)).statusCode);
      expect(others).toEqual(Array(8).fill(401));
      const same: number[] = [];
      for (let i = 1; i <= 7; i += 1) same.push((await wrongPassword(proxied, '198.51.100.7')).statusCode);
      expect(same).toEqual([401, 401, 401, 401, 401, 429, 429]);
    } finally {
      await proxied.close();
    }
  });
});
