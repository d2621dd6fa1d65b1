// Fuzzing: requests to every route of the OpenAPI document, built with fast-check from the
// contract's schemas and then broken — NUL bytes, lone surrogates, huge strings, deep nesting,
// wrong types, wrong content types, malformed path parameters and query strings — as every role;
// and frames on the live socket built from its client frame union. No answer may be a 5xx or show
// a stack trace or an internal path, every refusal says in words what was wrong, and the server
// still serves real requests afterwards. 1,000 requests in CI; HAVEN_PROOF=long (npm run
// security:fuzz) sends 12,000.
import { ClientFrame } from '@haven/contract';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestApp } from '../apps/server/src/testing/harness.ts';
import { connectLive, type LiveTab } from '../apps/server/src/testing/live-socket.ts';
import { bodyOf, contentType, nastyString, rawBody } from './arbitraries.ts';
import { operationsOf, type JsonSchema, type Operation } from './openapi.ts';
import { seedTenant, unlimitedRates, type Tenant } from './tenants.ts';

const long = process.env.HAVEN_PROOF === 'long';
const REQUESTS = long ? 12_000 : 1_000;
const FRAMES = long ? 3_000 : 300;
const seed = Number(process.env.HAVEN_FUZZ_SEED ?? Date.now() % 2 ** 31);
const haven = useTestApp({ admin: true, listen: true, env: unlimitedRates });

/** What no answer may show: a stack frame, a source file, a path on the server's disk. */
const INTERNALS = [/\bat [\w.<>]+ \(/, /node_modules/, /\.ts:\d+/, /\.js:\d+:\d+/, /apps\/server\/src/, /\/work\//, /haven-test-/];
/** Routes that would end the fuzzing account's own sign-in: fuzzed signed out only. */
const ENDS_SIGN_IN = new Set([
  'POST /api/auth/sign-out',
  'POST /api/auth/sessions/sign-out-others',
  'DELETE /api/auth/sessions/{id}',
  'POST /api/auth/password',
  'POST /api/account/mfa/enrolment/confirm',
]);
/** The live socket's frame limit (live.routes.ts): a bigger frame closes the socket with 1009. */
const MAX_FRAME_BYTES = 16 * 1024;
const rawSegments = ['%', '%zz', '%00', '..%2f..%2f', '%E0%A4%A', '.', '..', ';', '%2e%2e'];
const rawQueries = ['%00=%00', 'a=%E0%A4%A', '%', 'limit=1&limit=2', 'a[b][c]=1', '__proto__[x]=1', `q=${'y'.repeat(9000)}`];

let tenant: Tenant;
let cookies: Record<'signedOut' | 'client' | 'provider' | 'admin', string | undefined>;

beforeAll(async () => {
  tenant = await seedTenant(haven, 'A');
  cookies = { signedOut: undefined, client: tenant.client.cookie, provider: tenant.provider.cookie, admin: haven.admin };
}, 120_000);

type FuzzRequest = {
  operation: Operation;
  role: keyof typeof cookies;
  params: string[];
  query: string;
  body: { kind: 'json'; value: unknown } | { kind: 'raw'; value: string; type: string } | { kind: 'none' };
  garbageCookie: string | null;
};

function segmentOf(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate, as UTF-8 would spell it
  }
}

function requestArbitrary(operations: Operation[], ids: string[]): fc.Arbitrary<FuzzRequest> {
  const param = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids).map(segmentOf) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: nastyString.map(segmentOf) },
    { weight: 1, arbitrary: fc.constantFrom(...rawSegments) },
  );
  return fc.constantFrom(...operations).chain((operation) => {
    const names = operation.query.map((q) => q.name);
    const querySchema: JsonSchema = {
      type: 'object',
      properties: Object.fromEntries(operation.query.map((q) => [q.name, q.schema])),
      required: operation.query.filter((q) => q.required).map((q) => q.name),
    };
    const query = fc.oneof(
      bodyOf(querySchema).map((value) =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? new URLSearchParams(
              Object.entries(value).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')]),
            ).toString()
          : '',
      ),
      fc
        .dictionary(fc.constantFrom(...names, 'x', '__proto__', 'limit'), nastyString, { maxKeys: 3 })
        .map((q) => new URLSearchParams(Object.entries(q)).toString()),
      fc.constantFrom(...rawQueries),
    );
    const body = fc.oneof(
      { weight: 6, arbitrary: bodyOf(operation.body).map((value) => ({ kind: 'json' as const, value })) },
      { weight: 2, arbitrary: fc.tuple(rawBody, contentType).map(([value, type]) => ({ kind: 'raw' as const, value, type })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    );
    return fc.record({
      operation: fc.constant(operation),
      role: ENDS_SIGN_IN.has(operation.key)
        ? fc.constant('signedOut' as const)
        : fc.constantFrom('signedOut', 'client', 'provider', 'admin'),
      params: fc.array(param, { minLength: 3, maxLength: 3 }),
      query,
      body: operation.method === 'GET' || operation.method === 'DELETE' ? fc.constant({ kind: 'none' as const }) : body,
      garbageCookie: fc.option(
        fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((s) => `haven_session=${s.replace(/[^\x21-\x7e]/g, '')}`),
        {
          freq: 10,
        },
      ),
    });
  });
}

function isPing(frame: string): boolean {
  try {
    return JSON.stringify(JSON.parse(frame)) === '{"type":"ping"}';
  } catch {
    return false;
  }
}

type Finding = { request: string; status: number; why: string };

/** Every rule an answer keeps, whatever was asked. */
function problemsOf(status: number, body: string): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`answered ${status}`);
  const internal = INTERNALS.find((pattern) => pattern.test(body));
  if (internal) problems.push(`shows ${internal.source}`);
  if (status >= 400) {
    let message: unknown;
    try {
      message = (JSON.parse(body) as { error?: { message?: unknown } }).error?.message;
    } catch {
      message = undefined;
    }
    if (typeof message !== 'string' || message.trim().length < 8 || !/\s/.test(message))
      problems.push(`refusal without a message: ${body.slice(0, 120)}`);
  }
  return problems;
}

describe('fuzzing', () => {
  it(`answers ${REQUESTS} malformed and boundary requests with no 5xx, no internals, and a message for every refusal`, async () => {
    const operations = await operationsOf(haven.app);
    const ids = tenant.ids.filter((ref) => ref.kind !== 'providerUser' && ref.kind !== 'provider').map((ref) => ref.value);
    const findings: Finding[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const started = Date.now();
    const result = await fc.check(
      fc.asyncProperty(requestArbitrary(operations, ids), async (request) => {
        // The segments are already percent-encoded (some deliberately badly): put in as they are.
        let next = 0;
        const path = request.operation.path.replace(/\{\w+\}/g, () => request.params[next++] ?? '');
        const url = request.query ? `${path}?${request.query}` : path;
        const headers: Record<string, string> = {};
        const cookie = request.garbageCookie ?? cookies[request.role];
        if (cookie) headers.cookie = cookie;
        let payload: string | undefined;
        if (request.body.kind === 'json') {
          payload = JSON.stringify(request.body.value) ?? 'null';
          headers['content-type'] = 'application/json';
        } else if (request.body.kind === 'raw') {
          payload = request.body.value;
          headers['content-type'] = request.body.type;
        }
        const response = await haven.app.http.inject({ method: request.operation.method, url, payload, headers });
        sent++;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        for (const why of problemsOf(response.statusCode, response.body)) {
          findings.push({
            request: `${request.role} ${request.operation.method} ${url.slice(0, 300)} ${payload?.slice(0, 300) ?? ''}`,
            status: response.statusCode,
            why,
          });
        }
      }),
      { numRuns: REQUESTS, seed },
    );
    expect(result.failed, String(result.errorInstance)).toBe(false);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzzing (HTTP, seed ${seed}): ${sent} requests over ${operations.length} routes in ${seconds} s; answers ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    expect(findings.slice(0, 20)).toEqual([]);
    expect(sent).toBe(REQUESTS);

    // Still healthy, and still serving the real thing.
    expect((await haven.signedOut.get('/api/health')).statusCode).toBe(200);
    const room = await haven.as(tenant.client.cookie).get(`/api/rooms/${tenant.roomId}/messages`);
    expect(room.statusCode, room.body).toBe(200);
    expect(room.body).toContain(tenant.markers.content[0]);
  });

  it(`answers ${FRAMES} malformed live-socket frames with an error frame, and keeps the socket`, async () => {
    const frameSchema = z.toJSONSchema(ClientFrame) as JsonSchema;
    const frames = fc.oneof(
      { weight: 8, arbitrary: bodyOf(frameSchema).map((value) => JSON.stringify(value) ?? 'null') },
      { weight: 1, arbitrary: fc.constantFrom('{"type":', 'not json', '\u0000', '['.repeat(5000) + ']'.repeat(5000), 'x'.repeat(70_000)) },
    );
    let tab: LiveTab = await connectLive(haven.baseUrl, tenant.client.cookie);
    const findings: Finding[] = [];
    let sent = 0;
    let reopened = 0;
    const result = await fc.check(
      fc.asyncProperty(frames, async (frame) => {
        const before = tab.frames.length;
        const socket = tab.socket;
        let onClose: (code: number) => void = () => undefined;
        const closed = new Promise<number>((resolve) => (onClose = resolve));
        socket.once('close', onClose);
        tab.socket.send(frame);
        sent++;
        const answered = await Promise.race([
          (async () => {
            tab.send({ type: 'ping' });
            // A fuzzed frame that is a ping itself is answered with a pong of its own, first.
            if (isPing(frame)) await tab.next((f) => f.type === 'pong');
            await tab.next((f) => f.type === 'pong');
            return 0;
          })().catch(() => -1),
          closed,
        ]);
        socket.off('close', onClose);
        if (answered > 0) {
          // Only what is not a JSON frame of a sensible size closes the socket, with the code that says why.
          let json = true;
          try {
            JSON.parse(frame);
          } catch {
            json = false;
          }
          if (json && Buffer.byteLength(frame) <= MAX_FRAME_BYTES)
            findings.push({ request: frame.slice(0, 200), status: answered, why: 'closed the socket' });
          if (![1003, 1008, 1009].includes(answered))
            findings.push({ request: frame.slice(0, 200), status: answered, why: 'closed with an odd code' });
          reopened++;
          tab = await connectLive(haven.baseUrl, tenant.client.cookie);
          return;
        }
        if (answered < 0) findings.push({ request: frame.slice(0, 200), status: 0, why: 'no pong after the frame' });
        for (const got of tab.frames.slice(before)) {
          const text = JSON.stringify(got);
          const internal = INTERNALS.find((pattern) => pattern.test(text));
          if (internal) findings.push({ request: frame.slice(0, 200), status: 0, why: `frame shows ${internal.source}` });
          if (got.type === 'error' && (got.code === 'internal' || !/\s/.test(got.message)))
            findings.push({ request: frame.slice(0, 200), status: 0, why: `error frame ${text.slice(0, 200)}` });
        }
      }),
      { numRuns: FRAMES, seed },
    );
    tab.socket.close();
    expect(result.failed, String(result.errorInstance)).toBe(false);
    console.log(
      `fuzzing (live socket, seed ${seed}): ${sent} frames; ${reopened} closed the socket (not JSON, or too big) and were reconnected`,
    );
    expect(findings.slice(0, 20)).toEqual([]);
    expect((await haven.signedOut.get('/api/health')).statusCode).toBe(200);
    const still = await connectLive(haven.baseUrl, tenant.provider.cookie);
    still.send({ type: 'subscribe', roomId: tenant.roomId, afterSeq: 0 });
    await still.next((f) => f.type === 'subscribed');
    still.socket.close();
  });
});
