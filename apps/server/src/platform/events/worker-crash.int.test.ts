import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { consentVersions, type CareState } from '@haven/contract';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { aSignUp } from '../../testing/factories.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';
import { sessionCookieFrom, startTestApp, type TestApp } from '../../testing/test-app.ts';

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
  let app: TestApp;
  const box = mailbox();
  let smtpPort = 0;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    await new Promise<void>((resolve) => box.server.listen(0, '127.0.0.1', resolve));
    smtpPort = (box.server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await Promise.all(workers.map(killed));
    await new Promise<void>((resolve) => box.server.close(() => resolve()));
    await app?.close();
  });

  it('sends the email of a committed event exactly once after a kill -9 and a restart', { timeout: 90_000 }, async () => {
    const call = (method: 'PUT' | 'POST', url: string, cookie: string | undefined, payload: object) =>
      app.http.inject({ method, url, payload, headers: cookie ? { cookie } : {} });
    const provider = await insertProvider(app.context.db, { states: ['TX'] });
    const client = sessionCookieFrom((await call('POST', '/api/auth/sign-up', undefined, aSignUp())).headers['set-cookie']);
    const answers = {
      state: 'TX',
      dateOfBirth: '1992-03-04',
      timeZone: 'America/Chicago',
      requiredLanguages: ['en'],
      focusAreas: ['anxiety'],
      preferences: { providerGender: null, approaches: [], careFormat: 'messaging', liveModality: null, preferredTimes: [] },
      phq9: { items: [0, 0, 0, 0, 0, 0, 0, 0, 0], difficulty: null },
      gad7: { items: [0, 0, 0, 0, 0, 0, 0] },
      coverage: { kind: 'direct', plan: 'messaging' },
      consent: { telehealthVersion: consentVersions.telehealth, privacyVersion: consentVersions.privacy },
    };
    expect((await call('PUT', '/api/intake', client, { step: 'consent', answers })).statusCode).toBe(200);
    const care = (await call('POST', '/api/intake/submit', client, {})).json<CareState>();
    expect(care.current?.provider.id).toBe(provider.id);
    await signInAsProvider(app, provider.id); // the provider has an account, and no socket open: offline

    // The message and its event are committed; no worker has seen them yet. The provider is offline.
    const sent = await call('POST', `/api/rooms/${care.roomId}/messages`, client, {
      clientMessageId: randomUUID(),
      text: 'Are you there?',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const db = app.context.db;
    const event = await db.selectFrom('domain_events').selectAll().where('type', '=', 'message.sent').executeTakeFirstOrThrow();
    expect(event.processed_at).toBeNull();

    // Worker one handles the event, then dies while SMTP holds the email (DATA sent, no answer yet).
    const first = startWorker(app, smtpPort);
    workers.push(first);
    await vi.waitFor(() => expect(box.state.dataStarted).toBe(1), { timeout: 45_000, interval: 100 });
    await killed(first);
    expect(box.accepted).toHaveLength(0);

    // Worker two, with SMTP healthy again, picks the email up once its lease has run out.
    box.state.hanging = false;
    workers.push(startWorker(app, smtpPort));
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
