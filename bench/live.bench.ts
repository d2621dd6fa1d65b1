// Live message benchmark (PRODUCT §5): send → delivered to the other party, p99 under 50 ms on one
// 2-core machine with 1,000 connected clients.
//
//   npm run bench:live [pairs]        (default 500 pairs = 1,000 connected sockets)
//
// A whole Haven runs in this process on a real port (PGlite by default; TEST_DATABASE_URL for
// PostgreSQL). Clients and providers are written straight to the database and signed in with a
// session each; every one opens the live socket and follows their room. Then clients send text
// messages over HTTP, a few at a time, and each latency is measured from just before the POST to
// the frame arriving on the provider's socket. The same run measures a baseline with one connected
// pair, so the figure shows what 1,000 sockets cost. Benchmarks print figures; they are not tests.
import { randomUUID } from 'node:crypto';
import type { ServerFrame } from '@haven/contract';
import { percentile } from '@haven/domain';
import WebSocket from 'ws';
import { startLoginSession } from '../apps/server/src/modules/identity/identity.service.ts';
import { startTestApp, type TestApp } from '../apps/server/src/testing/test-app.ts';

const pairs = Number(process.argv[2] ?? 500);
const MESSAGES = 2_000;
const IN_FLIGHT = 8;
const BAR_MS = 50;

type Pair = { roomId: string; clientCookie: string; provider: WebSocket; client: WebSocket };

async function makePairs(app: TestApp, count: number): Promise<Array<Omit<Pair, 'provider' | 'client'> & { providerCookie: string }>> {
  const db = app.context.db;
  const policy = app.config.session;
  const now = new Date();
  const cookie = (token: string) => `haven_session=${token}`;
  const made = [];
  for (let i = 0; i < count; i += 1) {
    const tag = randomUUID().slice(0, 8);
    const [clientUser, providerUser] = await db
      .insertInto('users')
      .values([
        {
          email: `c${tag}@bench.test`,
          email_normalized: `c${tag}@bench.test`,
          preferred_name: 'Client',
          role: 'client',
          password_hash: 'x',
        },
        {
          email: `p${tag}@bench.test`,
          email_normalized: `p${tag}@bench.test`,
          preferred_name: 'Provider',
          role: 'provider',
          password_hash: 'x',
        },
      ])
      .returning('id')
      .execute();
    const provider = await db
      .insertInto('providers')
      .values({
        email: `p${tag}@bench.test`,
        user_id: providerUser!.id,
        status: 'active',
        first_name: 'Pat',
        last_name: tag,
        time_zone: 'America/Chicago',
        capacity: 10,
        business_hours: JSON.stringify([{ weekday: 1, start: '09:00', end: '17:00' }]),
        weekly_availability: '[]',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const client = await db
      .insertInto('clients')
      .values({ user_id: clientUser!.id, state: 'TX', submitted_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const room = await db.insertInto('rooms').values({ client_id: client.id }).returning('id').executeTakeFirstOrThrow();
    await db
      .insertInto('care_assignments')
      .values({ client_id: client.id, provider_id: provider.id, room_id: room.id, route: 'instant', score: 0, waiting_since: now })
      .execute();
    made.push({
      roomId: room.id,
      clientCookie: cookie(await startLoginSession(db, policy, clientUser!.id, now)),
      providerCookie: cookie(await startLoginSession(db, policy, providerUser!.id, now)),
    });
  }
  return made;
}

const waiting = new Map<string, (at: number) => void>();

async function follow(url: string, cookie: string, roomId: string): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/live`, { headers: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const subscribed = new Promise<void>((resolve) => {
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as ServerFrame;
      if (frame.type === 'subscribed') resolve();
      if (frame.type === 'message') waiting.get(frame.message.clientMessageId)?.(performance.now());
    });
  });
  socket.send(JSON.stringify({ type: 'subscribe', roomId, afterSeq: 0 }));
  await subscribed;
  return socket;
}

/** Sends `count` messages from random clients, `IN_FLIGHT` at a time; latencies in ms. */
async function measure(url: string, connected: Pair[], count: number): Promise<number[]> {
  const latencies: number[] = [];
  let sent = 0;
  const worker = async () => {
    while (sent < count) {
      sent += 1;
      const pair = connected[Math.floor(Math.random() * connected.length)]!;
      const clientMessageId = randomUUID();
      const delivered = new Promise<number>((resolve) => waiting.set(clientMessageId, resolve));
      const started = performance.now();
      const response = await fetch(`${url}/api/rooms/${pair.roomId}/messages`, {
        method: 'POST',
        headers: { cookie: pair.clientCookie, 'content-type': 'application/json', origin: url },
        body: JSON.stringify({ clientMessageId, text: 'How are you feeling today?' }),
      });
      if (response.status !== 201) throw new Error(`send failed: ${response.status} ${await response.text()}`);
      latencies.push((await delivered) - started);
      waiting.delete(clientMessageId);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return latencies.sort((a, b) => a - b);
}

const line = (name: string, value: number | null, unit: string) =>
  console.log(`${name} ${value === null ? 'n/a' : value.toFixed(2)} ${unit}`);

const app = await startTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '100000' });
try {
  const url = await app.http.listen({ port: 0, host: '127.0.0.1' });
  console.log(
    `Haven live-message benchmark: ${pairs} pairs (${pairs * 2} sockets), ${MESSAGES} messages, ${IN_FLIGHT} in flight, on ${app.config.database.kind}`,
  );
  const made = await makePairs(app, pairs);
  const connect = async (p: (typeof made)[number]): Promise<Pair> => ({
    ...p,
    provider: await follow(url, p.providerCookie, p.roomId),
    client: await follow(url, p.clientCookie, p.roomId),
  });
  const baselinePair = await connect(made[0]!);
  await measure(url, [baselinePair], 200); // warm-up: JIT, caches, connection pools
  const baseline = await measure(url, [baselinePair], Math.min(500, MESSAGES));
  const everyone = [baselinePair];
  for (const p of made.slice(1)) everyone.push(await connect(p));
  const loaded = await measure(url, everyone, MESSAGES);

  console.log('\n# figures (name value unit)');
  line('connected_sockets', everyone.length * 2, 'count');
  line('baseline_1_pair_p50', percentile(baseline, 0.5), 'ms');
  line('baseline_1_pair_p99', percentile(baseline, 0.99), 'ms');
  line(`live_${everyone.length * 2}_sockets_p50`, percentile(loaded, 0.5), 'ms');
  line(`live_${everyone.length * 2}_sockets_p99`, percentile(loaded, 0.99), 'ms');
  line('delivered', loaded.length, 'count');
  const p99 = percentile(loaded, 0.99) ?? Infinity;
  console.log(
    `\nquality bar: p99 ${p99.toFixed(1)} ms < ${BAR_MS} ms with ${everyone.length * 2} connected: ${p99 < BAR_MS ? 'MET' : 'NOT MET'}`,
  );
  for (const p of everyone) {
    p.client.close();
    p.provider.close();
  }
} finally {
  await app.close();
}
