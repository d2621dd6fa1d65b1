// Crash proof: messages are sent continuously over HTTP while Haven, a real child process, is
// killed with SIGKILL and restarted twice. Clients retry every unacknowledged send with its own
// clientMessageId, as the web app's "Try again" does. Every acknowledged message must be stored
// exactly once, in the order its sender sent it, and nothing acknowledged may be lost.
// `npm run security:crash` (HAVEN_PROOF=long) sends 2,400 messages instead of 300.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Message, MessagePage } from '@haven/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../apps/server/src/app.ts';
import { parseConfig, testDatabaseUrl, testRedisUrl } from '../apps/server/src/platform/config.ts';
import { dropSchema } from '../apps/server/src/platform/db/database.ts';
import { insertClient } from '../apps/server/src/testing/clients.ts';
import { signIn } from '../apps/server/src/testing/test-app.ts';

const long = process.env.HAVEN_PROOF === 'long';
const SENDERS = long ? 8 : 4;
const PER_SENDER = long ? 300 : 75;
const KILLS = 2;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const main = path.join(root, 'apps/server/src/main.ts');
const postgresUrl = testDatabaseUrl();
const redisUrl = testRedisUrl();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

type Sender = { roomId: string; cookie: string };
type Ack = { index: number; clientMessageId: string; id: string; seq: number };

/** One person sending PER_SENDER texts one after another, retrying each until it is acknowledged. */
async function send(baseUrl: string, who: Sender, number: number, tally: { acked: number; retried: number; answeredByRetry: number }) {
  const acks: Ack[] = [];
  for (let index = 0; index < PER_SENDER; index++) {
    const clientMessageId = randomUUID();
    const body = JSON.stringify({ clientMessageId, text: `sender ${number} message ${index}` });
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/api/rooms/${who.roomId}/messages`, {
          method: 'POST',
          headers: { cookie: who.cookie, 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(20_000),
        });
      } catch {
        // Refused, reset or timed out: the server is down or dying. Try the same id again.
        if (attempt === 1) tally.retried += 1;
        await sleep(100);
        continue;
      }
      if (response.status === 200 || response.status === 201) {
        const message = (await response.json()) as Message;
        // 200 is the answer to a repeated id: the first send had committed, its answer was lost.
        if (response.status === 200) tally.answeredByRetry += 1;
        acks.push({ index, clientMessageId, id: message.id, seq: message.seq });
        tally.acked += 1;
        break;
      }
      if (response.status >= 500) {
        if (attempt === 1) tally.retried += 1;
        await sleep(100);
        continue;
      }
      throw new Error(`send ${number}/${index} was refused: ${response.status} ${await response.text()}`);
    }
  }
  return acks;
}

async function storedMessages(baseUrl: string, who: Sender): Promise<Message[]> {
  const all: Message[] = [];
  for (;;) {
    const after = all.at(-1)?.seq ?? 0;
    const response = await fetch(`${baseUrl}/api/rooms/${who.roomId}/messages?after=${after}&limit=200`, {
      headers: { cookie: who.cookie },
    });
    expect(response.status).toBe(200);
    const page = (await response.json()) as MessagePage;
    all.push(...page.messages);
    if (page.messages.length < 200) return all;
  }
}

describe(`sending through two kill -9s (${postgresUrl ? 'PostgreSQL' : 'embedded PGlite'}, ${SENDERS} senders × ${PER_SENDER})`, () => {
  let server: ChildProcess | null = null;
  let dataDir = '';
  const schema = `crash_${randomBytes(5).toString('hex')}`;

  afterAll(async () => {
    if (server) await stop(server, 'SIGKILL');
    if (postgresUrl) await dropSchema(postgresUrl, schema);
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
    return new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  // The timeout only catches a hang: three starts of a real server on a busy 2-core machine take their time.
  it('stores every acknowledged message exactly once and in order', { timeout: long ? 1_200_000 : 600_000 }, async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'haven-crash-'));
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      HAVEN_ENV: 'test',
      HAVEN_DEMO: 'off',
      LOG_LEVEL: 'silent',
      HAVEN_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT_MESSAGES_PER_MINUTE: '1000000',
      RATE_LIMIT_AUTH_PER_MINUTE: '1000',
      ...(postgresUrl ? { DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema } : {}),
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    };

    // The senders' accounts and rooms, made before the server process owns the database.
    const config = parseConfig(env);
    const seeding = { ...(await buildApp(config)), config };
    const senders: Sender[] = [];
    try {
      for (let i = 0; i < SENDERS; i++) {
        const client = await insertClient(seeding.context.db);
        senders.push({ roomId: client.roomId, cookie: await signIn(seeding, { email: client.email, password: client.password }) });
      }
    } finally {
      await seeding.close();
    }

    const startTimes: number[] = [];
    const start = async () => {
      const began = performance.now();
      // node itself, not the tsx wrapper: SIGKILL must reach the process that holds the database.
      const child = spawn(process.execPath, ['--import', 'tsx', main, 'start'], {
        cwd: root,
        env: { PATH: process.env.PATH, ...env },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      server = child;
      for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
        if (child.exitCode !== null) throw new Error(`Haven exited with ${child.exitCode} while starting`);
        const healthy = await fetch(`${baseUrl}/api/health`).then(
          (response) => response.ok,
          () => false,
        );
        if (healthy) return void startTimes.push(Math.round((performance.now() - began) / 1000));
        await sleep(100);
      }
      throw new Error('Haven did not start within 120 s');
    };

    await start();
    const tally = { acked: 0, retried: 0, answeredByRetry: 0 };
    const total = SENDERS * PER_SENDER;
    const sending = Promise.all(senders.map((who, number) => send(baseUrl, who, number, tally)));
    const crashes = (async () => {
      const inFlight: number[] = [];
      for (let kill = 1; kill <= KILLS; kill++) {
        while (tally.acked < (total * kill) / (KILLS + 1)) await sleep(5);
        const acknowledgedBefore = tally.acked;
        await stop(server!, 'SIGKILL');
        inFlight.push(acknowledgedBefore);
        await start();
      }
      return inFlight;
    })();
    const [acks, killedAt] = await Promise.all([sending, crashes]);

    let storedTotal = 0;
    for (const [number, who] of senders.entries()) {
      const stored = await storedMessages(baseUrl, who);
      storedTotal += stored.length;
      const sent = acks[number]!;
      // Exactly once: one stored message per send, no id twice.
      expect(stored).toHaveLength(PER_SENDER);
      expect(new Set(stored.map((m) => m.clientMessageId)).size).toBe(PER_SENDER);
      // In order: the room's sequence is 1, 2, 3… and follows the order the sender sent in.
      expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
      expect(stored.map((m) => m.text)).toEqual(sent.map((a) => `sender ${number} message ${a.index}`));
      // Nothing acknowledged lost, and every acknowledgement told the truth.
      const byClientId = new Map(stored.map((m) => [m.clientMessageId, m]));
      for (const ack of sent) {
        expect(byClientId.get(ack.clientMessageId), `sender ${number} message ${ack.index}`).toMatchObject({ id: ack.id, seq: ack.seq });
      }
    }
    await stop(server!, 'SIGTERM');
    server = null;

    console.log(
      `crash proof: ${total} sends by ${SENDERS} senders, ${KILLS} kill -9 (at ${killedAt.join(' and ')} acknowledged); ` +
        `${tally.acked} acknowledged, ${storedTotal} stored, ${tally.retried} sends retried after a failure, ` +
        `${tally.answeredByRetry} of them had committed before the kill (answered 200 by their retry); starts took ${startTimes.join(', ')} s`,
    );
    expect(tally.acked).toBe(total);
    expect(storedTotal).toBe(total);
    // The kills landed while sends were in flight: some had to be retried.
    expect(tally.retried).toBeGreaterThan(0);
  });
});
