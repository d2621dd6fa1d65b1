// The access-control matrix: every route of the OpenAPI document and every frame of the live
// socket's client union, as every role, with the other tenant's ids (and the caller's own, and
// ids that are no one's) in every path parameter. The expected answer of each case comes from
// access-table.ts; a case that succeeds where the table refuses, or any answer holding data of a
// tenant the caller has no right to, fails the suite. HAVEN_PROOF=long tries more id variants.
import { randomUUID } from 'node:crypto';
import { ClientFrame, type ServerFrame } from '@haven/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { z } from 'zod';
import { useTestApp } from '../apps/server/src/testing/harness.ts';
import { connectLive, type LiveTab } from '../apps/server/src/testing/live-socket.ts';
import { accessTable, mayCall, type Ref, type Role, type RoleName, type Rule } from './access-table.ts';
import { exampleOf, exampleQuery, operationsOf, urlOf, type JsonSchema, type Operation } from './openapi.ts';
import { seedTenants, unlimitedRates, type IdKind, type Tenant, type TenantName } from './tenants.ts';

const long = process.env.HAVEN_PROOF === 'long';
const haven = useTestApp({ admin: true, listen: true, env: unlimitedRates });

const malformed = long
  ? ['1', 'null', "' OR '1'='1", '../../etc/passwd', '%00', '00000000-0000-0000-0000-000000000000', 'A'.repeat(300), '１２３', '-1']
  : ["' OR '1'='1", '00000000-0000-0000-0000-000000000000'];

let tenants: Record<TenantName, Tenant>;
let roles: Role[];

beforeAll(async () => {
  const seeded = await seedTenants(haven);
  tenants = { A: seeded.A, B: seeded.B };
  roles = [
    { name: 'signedOut', cookie: undefined, kind: null, tenant: null },
    { name: 'clientA', cookie: seeded.A.client.cookie, kind: 'client', tenant: 'A' },
    { name: 'clientB', cookie: seeded.B.client.cookie, kind: 'client', tenant: 'B' },
    { name: 'providerA', cookie: seeded.A.provider.cookie, kind: 'provider', tenant: 'A' },
    { name: 'providerB', cookie: seeded.B.provider.cookie, kind: 'provider', tenant: 'B' },
    { name: 'admin', cookie: haven.admin, kind: 'admin', tenant: null },
    { name: 'pending', cookie: seeded.pending.cookie, kind: 'provider', tenant: null },
  ];
}, 120_000);

/**
 * The ids tried in a parameter as `role`: every id of the other tenant (of both, for someone of
 * neither, in the long mode), the caller's own ids of the kinds the route is about (every own id
 * in the long mode), and ids that are no one's.
 */
function refsFor(role: Role, kinds: IdKind[] = []): Ref[] {
  const others: TenantName[] = role.tenant === 'A' ? ['B'] : role.tenant === 'B' ? ['A'] : long ? ['A', 'B'] : ['A'];
  const own = role.tenant ? tenants[role.tenant].ids.filter((ref) => long || kinds.includes(ref.kind)) : [];
  return [
    ...others.flatMap((t) => tenants[t].ids),
    ...own,
    { kind: 'random', tenant: null, value: randomUUID() },
    ...malformed.map((value): Ref => ({ kind: 'malformed', tenant: null, value })),
  ];
}

/** Every combination tried for an operation: each parameter in turn takes every id, the others an id of the kind they are about. */
function paramSets(operation: Operation, rule: Rule, role: Role): Array<Record<string, Ref>> {
  if (operation.pathParams.length === 0) return [{}];
  const all = refsFor(role, Object.values(rule.params ?? {}).flat());
  // The other parameter holds an id of the kind it is about: in CI the caller's own when they have
  // one (their own room with another's message: the classic slip), else the other tenant's.
  const natural = (name: string) => {
    const kinds = rule.params?.[name] ?? [];
    const fitting = all.filter((ref) => kinds.includes(ref.kind as IdKind));
    if (long) return fitting.length ? fitting : all.slice(0, 1);
    return [fitting.find((ref) => ref.tenant === role.tenant && role.tenant !== null) ?? fitting[0] ?? all[0]!];
  };
  if (operation.pathParams.length === 1) return all.map((ref) => ({ [operation.pathParams[0]!]: ref }));
  const sets: Array<Record<string, Ref>> = [];
  for (const [i, name] of operation.pathParams.entries()) {
    const others = operation.pathParams.filter((_, j) => j !== i);
    for (const ref of all) {
      for (const fixed of natural(others[0]!)) sets.push({ [name]: ref, [others[0]!]: fixed });
    }
  }
  return sets;
}

/** What `role` may not read: each other tenant's markers, by what the role is owed. */
function forbiddenMarkers(role: Role, rule: Rule): string[] {
  const out: string[] = [];
  for (const tenant of Object.values(tenants)) {
    const own = role.tenant === tenant.name;
    if (!own && role.kind !== 'admin') out.push(...tenant.markers.identity);
    if (!own && !(role.kind === 'admin' && rule.revealsContent)) out.push(...tenant.markers.content);
    if (!(own && role.kind === 'provider')) out.push(...tenant.markers.notes);
    // The existence of another tenant's records: their ids, beyond those the request itself named.
    if (!own && role.kind !== 'admin') {
      out.push(
        ...tenant.ids
          .filter((ref) => !['provider', 'providerUser', 'licence', 'eapPartner', 'eapCode'].includes(ref.kind))
          .map((r) => r.value),
      );
    }
  }
  return out;
}

const voice = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('matrix voice note '.repeat(20))]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Finding = { role: RoleName; call: string; status: number; why: string };

describe('access-control matrix', () => {
  it('refuses every route on ids that are not the caller’s, and leaks no other tenant’s data', async () => {
    const operations = await operationsOf(haven.app);
    const unclassified = operations.filter((op) => !accessTable[op.key]).map((op) => op.key);
    expect(unclassified, 'every route in the OpenAPI document is classified in security/access-table.ts').toEqual([]);
    const stale = Object.keys(accessTable).filter((key) => !operations.some((op) => op.key === key));
    expect(stale, 'every classified route still exists').toEqual([]);

    const findings: Finding[] = [];
    const failedControls: Finding[] = [];
    const statuses = new Map<string, number>();
    let cases = 0;
    let skipped = 0;
    let controls = 0;
    const started = Date.now();
    for (const role of roles) {
      const requests = haven.as(role.cookie);
      for (const operation of operations) {
        const rule = accessTable[operation.key]!;
        const forbidden = forbiddenMarkers(role, rule);
        for (const params of paramSets(operation, rule, role)) {
          const allowed = mayCall(rule, role, params);
          // Signed out, a write changes nobody's data; signed in, an allowed one would change what later cases see.
          if (allowed && rule.mutates && role.cookie) {
            skipped++;
            continue;
          }
          const values = Object.fromEntries(Object.entries(params).map(([k, ref]) => [k, ref.value]));
          const upload = operation.path.endsWith('/uploads');
          const query = upload ? { clientMessageId: randomUUID(), kind: 'voice' } : exampleQuery(operation);
          const url = urlOf(operation, values, query);
          const body = upload ? voice : operation.body ? exampleOf(operation.body) : undefined;
          const headers: Record<string, string> = upload ? { 'content-type': 'audio/webm' } : {};
          const response = await requests.request(operation.method, url, body, headers);
          cases++;
          const status = response.statusCode;
          const klass = `${Math.floor(status / 100)}xx`;
          statuses.set(klass, (statuses.get(klass) ?? 0) + 1);
          const call = `${operation.method} ${url} [${Object.values(params)
            .map((r) => `${r.kind}${r.tenant ? `:${r.tenant}` : ''}`)
            .join(', ')}]`;
          if (status >= 500) findings.push({ role: role.name, call, status, why: `server error: ${response.body.slice(0, 200)}` });
          if (status < 300 && !allowed) findings.push({ role: role.name, call, status, why: 'succeeded where the table refuses' });
          const text = response.body;
          const seen = forbidden.filter((marker) => !Object.values(values).includes(marker) && text.includes(marker));
          if (seen.length) findings.push({ role: role.name, call, status, why: `answer holds another tenant's data: ${seen[0]}` });
          const ownIds = Object.values(params).every((ref) => ref.tenant === role.tenant && role.tenant !== null);
          if (allowed && operation.method === 'GET' && ownIds && !rule.noControl && Object.keys(params).length > 0) {
            controls++;
            if (status >= 300) failedControls.push({ role: role.name, call, status, why: `own ids refused: ${text.slice(0, 160)}` });
          }
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `access matrix (HTTP): ${cases} cases over ${operations.length} routes × ${roles.length} roles in ${seconds} s; ` +
        `${skipped} allowed writes not run; ${controls} own-id reads as controls; answers ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(findings).toEqual([]);
    expect(failedControls, 'the owners’ own reads succeed, so the refusals above are access checks, not broken requests').toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(5000);
  });

  it('refuses every live-socket frame about a room or session that is not the caller’s', async () => {
    const frameTypes = ClientFrame.options.map((option) => ({
      type: option.shape.type.value,
      schema: z.toJSONSchema(option) as JsonSchema,
    }));
    const signedOut = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`${haven.baseUrl.replace('http', 'ws')}/api/live`);
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.once('open', () => reject(new Error('a signed-out socket opened')));
    });
    expect(signedOut, 'a signed-out socket is refused before the upgrade').toBe(401);

    // Each tenant's two people watch their own room: nothing of anyone else's may reach them.
    const watchers: Array<{ tenant: Tenant; tab: LiveTab }> = [];
    for (const tenant of Object.values(tenants)) {
      for (const cookie of [tenant.client.cookie, tenant.provider.cookie]) {
        const tab = await connectLive(haven.baseUrl, cookie);
        tab.send({ type: 'subscribe', roomId: tenant.roomId, afterSeq: 0 });
        await tab.next((f) => f.type === 'subscribed');
        watchers.push({ tenant, tab });
      }
    }

    const findings: Finding[] = [];
    let cases = 0;
    let controls = 0;
    for (const role of roles.filter((r) => r.cookie)) {
      const tab = await connectLive(haven.baseUrl, role.cookie!);
      const forbidden = forbiddenMarkers(role, { who: 'party' });
      for (const { type, schema } of frameTypes) {
        const example = exampleOf(schema) as Record<string, unknown>;
        const idField = 'roomId' in example ? 'roomId' : 'sessionId' in example ? 'sessionId' : null;
        const refs: Array<Ref | null> = idField
          ? refsFor(role, [idField === 'roomId' ? 'room' : 'liveSession']).filter((r) => UUID.test(r.value))
          : [null];
        for (const ref of refs) {
          const frame: Record<string, unknown> = {
            ...example,
            ...(type === 'signal' ? { signal: { kind: 'description', description: { type: 'offer', sdp: 'v=0' } } } : {}),
          };
          if (idField && ref) frame[idField] = ref.value;
          const kind: IdKind = idField === 'roomId' ? 'room' : 'liveSession';
          const allowed = ref !== null && role.kind !== 'admin' && role.tenant !== null && ref.tenant === role.tenant && ref.kind === kind;
          const before = tab.frames.length;
          tab.send(frame);
          cases++;
          const answers = ['subscribe', 'typing', 'read', 'session.enter', 'signal'].includes(type) && !allowed;
          if (answers) {
            const topic = (f: ServerFrame) => ('roomId' in f ? f.roomId : 'sessionId' in f ? f.sessionId : undefined) === ref!.value;
            const answer = await tab
              .next((f) => topic(f) && ['error', 'subscribed', 'session.entered'].includes(f.type))
              .catch((error: Error) => {
                throw new Error(`${role.name} sent ${JSON.stringify(frame)} and heard no answer: ${error.message.slice(-300)}`);
              });
            if (answer.type !== 'error')
              findings.push({ role: role.name, call: JSON.stringify(frame), status: 0, why: `answered ${answer.type}` });
          }
          if (allowed && type === 'subscribe') {
            // The control: the room's own people are let in, and hear what was said there.
            await tab.next((f) => f.type === 'subscribed' && f.roomId === ref?.value);
            controls++;
          }
          tab.send({ type: 'ping' });
          await tab.next((f) => f.type === 'pong');
          for (const got of tab.frames.slice(before)) {
            const text = JSON.stringify(got);
            const seen = forbidden.filter((m) => m !== ref?.value && text.includes(m));
            if (seen.length) findings.push({ role: role.name, call: JSON.stringify(frame), status: 0, why: `frame holds ${seen[0]}` });
            if (got.type === 'message' && !allowed)
              findings.push({ role: role.name, call: JSON.stringify(frame), status: 0, why: 'a message was delivered' });
          }
        }
      }
      tab.socket.close();
    }
    for (const { tenant, tab } of watchers) {
      const parties = new Set([tenant.client.userId, tenant.provider.userId]);
      for (const got of tab.frames) {
        if ((got.type === 'typing' || got.type === 'read') && !parties.has(got.userId))
          findings.push({ role: 'signedOut', call: `watcher of ${tenant.name}`, status: 0, why: `${got.type} from a stranger` });
        if (got.type === 'message' && got.message.roomId !== tenant.roomId)
          findings.push({ role: 'signedOut', call: `watcher of ${tenant.name}`, status: 0, why: 'a message of another room' });
      }
      tab.socket.close();
    }
    console.log(
      `access matrix (live socket): ${cases} frames of ${frameTypes.length} types × ${roles.length - 1} signed-in roles (${controls} own subscribes as controls), and the signed-out upgrade`,
    );
    expect(findings).toEqual([]);
    expect(cases).toBeGreaterThan(frameTypes.length * 5);
    expect(controls, 'each tenant’s client and provider subscribed to their own room').toBe(4);
  });
});
