import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { aMatchedClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';
import type { TestApp } from '../../testing/test-app.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const main = path.join(root, 'apps/server/src/main.ts');

/**
 * An SMTP server that accepts mail, or — while `hanging` — reads a message and never answers, so a
 * worker can be caught between "the event's effects are committed" and "the email is accepted".
 */
function mailbox() {
  const accepted: Array<{ messageId: string; to: string }> = [];
  const state = { hanging: true, dataStarted: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      state.dataStarted += 1;
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        if (state.hanging) return; // never answer: the sender waits on "250 OK" until it dies
        accepted.push({ messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '', to: session.envelope.rcptTo[0]?.address ?? '' });
        callback();
      });
    },
  });
  return { server, accepted, state };
}

/** `haven start --role worker` as a separate process on the test's database, data dir and keys. */
function startWorker(app: TestApp, smtpPort: number): ChildProcess {
  if (app.config.database.kind !== 'postgres') throw new Error('needs PostgreSQL');
  // node itself (not the tsx wrapper, which would leave its child running after a kill -9)
  return spawn(process.execPath, ['--import', 'tsx', main, 'start', '--role', 'worker'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HAVEN_ENV: 'test',
      HAVEN_DEMO: 'off',
      LOG_LEVEL: 'silent',
      HAVEN_DATA_DIR: app.config.dataDir,
      DATABASE_URL: app.config.database.url,
      DATABASE_SCHEMA: app.config.database.schema,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      HAVEN_MAIL_LEASE_SECONDS: '2',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const killed = (worker: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (worker.exitCode !== null || worker.signalCode !== null) return resolve();
    worker.once('exit', () => resolve());
    worker.kill('SIGKILL');
  });

// A separate worker process needs a database two processes can share: PGlite is one in-process connection.
describe.skipIf(!process.env.TEST_DATABASE_URL)('a worker killed mid-side-effect (PostgreSQL only)', () => {
  const haven = useTestApp();
  const box = mailbox();
  let smtpPort = 0;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    await new Promise<void>((resolve) => box.server.listen(0, '127.0.0.1', resolve));
    smtpPort = (box.server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await Promise.all(workers.map(killed));
    await new Promise<void>((resolve) => box.server.close(() => resolve()));
  });

  it('sends the email of a committed event exactly once after a kill -9 and a restart', { timeout: 90_000 }, async () => {
    const provider = await insertProvider(haven.db, { states: ['TX'] });
    const { cookie: client, roomId } = await aMatchedClient(haven, { state: 'TX' }, { expectProvider: provider.id });
    await signInAsProvider(haven.app, provider.id); // the provider has an account, and no socket open: offline
    // The client's sign-up emailed a confirmation link before this story starts; the outbox here holds only the event's email.
    await haven.db.deleteFrom('outbox_emails').execute();

    // The message and its event are committed; no worker has seen them yet. The provider is offline.
    const sent = await haven.as(client).post(`/api/rooms/${roomId}/messages`, {
      clientMessageId: randomUUID(),
      text: 'Are you there?',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const db = haven.db;
    const event = await db.selectFrom('domain_events').selectAll().where('type', '=', 'message.sent').executeTakeFirstOrThrow();
    expect(event.processed_at).toBeNull();

    // Worker one handles the event, then dies while SMTP holds the email (DATA sent, no answer yet).
    const first = startWorker(haven.app, smtpPort);
    workers.push(first);
    await vi.waitFor(() => expect(box.state.dataStarted).toBe(1), { timeout: 45_000, interval: 100 });
    await killed(first);
    expect(box.accepted).toHaveLength(0);

    // Worker two, with SMTP healthy again, picks the email up once its lease has run out.
    box.state.hanging = false;
    workers.push(startWorker(haven.app, smtpPort));
    await vi.waitFor(() => expect(box.accepted).toHaveLength(1), { timeout: 45_000, interval: 100 });
    // Give a second send two more mail cycles (every 5 s) to show itself.
    await new Promise((resolve) => setTimeout(resolve, 11_000));

    const outbox = await db.selectFrom('outbox_emails').selectAll().execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.sent_at).not.toBeNull();
    expect(box.accepted).toEqual([{ messageId: expect.stringContaining(outbox[0]!.id), to: outbox[0]!.to_address }]);
    const processed = await db.selectFrom('domain_events').select('processed_at').where('seq', '=', event.seq).executeTakeFirstOrThrow();
    expect(processed.processed_at).not.toBeNull();
    const bells = await db.selectFrom('notifications').select('id').where('kind', '=', 'message').execute();
    expect(bells).toHaveLength(1);
  });
});
