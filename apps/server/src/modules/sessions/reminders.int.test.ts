import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAccount } from '../identity/identity.service.ts';
import { testDatabaseUrl } from '../../platform/config.ts';
import { openDatabase, type Database, type Db } from '../../platform/db/database.ts';
import { startPeriodicJobs } from '../../platform/jobs/scheduler.ts';
import { aSignUp } from '../../testing/factories.ts';
import { giveProviderAccount, insertProvider } from '../../testing/network.ts';
import { drainEvents } from '../../testing/events.ts';
import { useTestApp } from '../../testing/harness.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';
import { userChannel } from '../notifications/notifications.service.ts';
import { scheduleReminders, sendDueReminders } from './reminders.ts';
import { sessionFacts } from './sessions.presenter.ts';
import { sessionWithParties } from './sessions.repository.ts';

const haven = useTestApp({ env: { HAVEN_PUBLIC_URL: 'https://haven.example' } });
/** A second pool on the same PostgreSQL schema: another worker process, as far as locks go. */
let otherWorker: Database | null = null;
beforeAll(async () => {
  if (haven.app.config.database.kind === 'postgres') otherWorker = await openDatabase(haven.app.config.database);
});
afterAll(async () => {
  await otherWorker?.close();
});

const db = (): Db => haven.db;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const OFFSETS = [1440, 60];
const quiet = { info: () => undefined, error: () => undefined };

type Party = { userId: string; email: string };
type Booked = { id: string; startsAt: Date; client: Party; provider: Party };

/** A client (in New York) and a provider (in Chicago) with real accounts, a room and a booked video session. */
async function aBookedSession(startsAt: Date, options: { discreetClient?: boolean; now?: Date } = {}): Promise<Booked> {
  const signUp = aSignUp({ preferredName: 'Jordan' });
  const clientUser = await createAccount(db(), { ...signUp, role: 'client' });
  if (options.discreetClient)
    await db().updateTable('users').set({ discreet_notifications: true }).where('id', '=', clientUser.id).execute();
  const client = await db()
    .insertInto('clients')
    .values({ user_id: clientUser.id, time_zone: 'America/New_York' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const room = await db().insertInto('rooms').values({ client_id: client.id }).returning('id').executeTakeFirstOrThrow();
  const provider = await insertProvider(db(), { firstName: 'Ana', lastName: 'Díaz' });
  const credentials = await giveProviderAccount(db(), provider.id);
  const providerUser = await db().selectFrom('providers').select('user_id').where('id', '=', provider.id).executeTakeFirstOrThrow();
  const session = await db()
    .insertInto('live_sessions')
    .values({
      client_id: client.id,
      provider_id: provider.id,
      room_id: room.id,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 50 * MINUTE),
      modality: 'video',
      status: 'booked',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const booked = {
    id: session.id,
    startsAt,
    client: { userId: clientUser.id, email: signUp.email },
    provider: { userId: providerUser.user_id!, email: credentials.email },
  };
  await db()
    .transaction()
    .execute((trx) =>
      scheduleReminders(
        trx,
        { id: booked.id, startsAt, userIds: [booked.client.userId, booked.provider.userId] },
        OFFSETS,
        options.now ?? new Date(startsAt.getTime() - 7 * DAY),
      ),
    );
  return booked;
}

const remindersOf = (sessionId: string) =>
  db()
    .selectFrom('session_reminders')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('minutes_before', 'desc')
    .orderBy('user_id')
    .execute();
const noticesTo = (party: Party, sessionId: string) =>
  db()
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', party.userId)
    .where('live_session_id', '=', sessionId)
    .orderBy('at')
    .execute();
const emailsTo = (party: Party) =>
  db().selectFrom('outbox_emails').selectAll().where('to_address', '=', party.email).orderBy('created_at').execute();
/** Notices and emails are written by the worker's event handlers: this runs them, as the worker would. */
const settle = () => drainEvents(haven.app.context);
const counts = async (s: Booked) => {
  await settle();
  return {
    client: (await noticesTo(s.client, s.id)).length,
    provider: (await noticesTo(s.provider, s.id)).length,
    clientEmails: (await emailsTo(s.client)).length,
    providerEmails: (await emailsTo(s.provider)).length,
  };
};

describe('scheduling', () => {
  it('writes one reminder per party per offset still ahead, and again nothing new', async () => {
    const startsAt = new Date('2026-03-02T15:00:00Z');
    const s = await aBookedSession(startsAt, { now: new Date(startsAt.getTime() - 2 * HOUR) });
    expect((await remindersOf(s.id)).map((r) => r.minutes_before)).toEqual([60, 60]);
    await scheduleReminders(
      db(),
      { id: s.id, startsAt, userIds: [s.client.userId, s.provider.userId] },
      [60, 60],
      new Date(startsAt.getTime() - 2 * HOUR),
    );
    expect(await remindersOf(s.id)).toHaveLength(2);
  });
});

describe('sending', () => {
  it('sends the 24-hour and 1-hour reminders to both parties once each, never before they are due', async () => {
    const startsAt = new Date('2026-11-24T20:00:00Z'); // 3 PM in New York, 2 PM in Chicago
    const s = await aBookedSession(startsAt);
    const published: Array<{ channel: string; payload: string }> = [];
    const listen = (userId: string) =>
      haven.app.context.live.subscribe(userChannel(userId), (payload) => published.push({ channel: userChannel(userId), payload }));
    const stops = await Promise.all([listen(s.client.userId), listen(s.provider.userId)]);
    const at = (msBefore: number) => sendDueReminders(db(), new Date(startsAt.getTime() - msBefore), 100);

    await at(24 * HOUR + MINUTE);
    expect(await counts(s)).toEqual({ client: 0, provider: 0, clientEmails: 0, providerEmails: 0 });

    await at(24 * HOUR);
    await at(24 * HOUR); // a second run at the same moment finds nothing left
    expect(await counts(s)).toEqual({ client: 1, provider: 1, clientEmails: 1, providerEmails: 1 });
    await vi.waitFor(() =>
      expect(published).toContainEqual({
        channel: userChannel(s.client.userId),
        payload: JSON.stringify({ type: 'notification', unread: 1 }),
      }),
    );

    await at(61 * MINUTE);
    expect(await counts(s)).toEqual({ client: 1, provider: 1, clientEmails: 1, providerEmails: 1 });
    await at(HOUR);
    await at(MINUTE);
    expect(await counts(s)).toEqual({ client: 2, provider: 2, clientEmails: 2, providerEmails: 2 });
    await vi.waitFor(() =>
      expect(published).toContainEqual({
        channel: userChannel(s.provider.userId),
        payload: JSON.stringify({ type: 'notification', unread: 2 }),
      }),
    );
    await Promise.all(stops.map((stop) => stop()));

    const [toClient] = await noticesTo(s.client, s.id);
    expect(toClient).toMatchObject({
      kind: 'session',
      room_id: null,
      text: 'Reminder: your video session with Ana Díaz starts Tue 24 Nov at 3:00 PM (America/New_York).',
    });
    const [toProvider] = await noticesTo(s.provider, s.id);
    expect(toProvider!.text).toBe('Reminder: your video session with Jordan starts Tue 24 Nov at 2:00 PM (America/Chicago).');
    const [email] = await emailsTo(s.client);
    expect(email).toMatchObject({ subject: 'Reminder: video session with Ana Díaz' });
    expect(email!.body_text).toContain(`https://haven.example/sessions/${s.id}`);
    expect((await remindersOf(s.id)).every((r) => r.outcome === 'sent' && r.done_at!.getTime() >= new Date(r.due_at).getTime())).toBe(true);
  });

  it("skips a cancelled session's reminders, and those found only after the start", async () => {
    const cancelled = await aBookedSession(new Date('2026-12-01T20:00:00Z'));
    await db().updateTable('live_sessions').set({ status: 'cancelled' }).where('id', '=', cancelled.id).execute();
    const late = await aBookedSession(new Date('2026-12-02T20:00:00Z'));
    await sendDueReminders(db(), new Date('2026-12-02T20:05:00Z'));
    for (const s of [cancelled, late]) {
      expect(await counts(s)).toEqual({ client: 0, provider: 0, clientEmails: 0, providerEmails: 0 });
      expect((await remindersOf(s.id)).map((r) => r.outcome)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    }
  });

  it('sends only the nearer reminder when both fell due while no worker ran', async () => {
    const s = await aBookedSession(new Date('2026-12-09T20:00:00Z'));
    await sendDueReminders(db(), new Date('2026-12-09T19:30:00Z'));
    expect(await counts(s)).toEqual({ client: 1, provider: 1, clientEmails: 1, providerEmails: 1 });
    expect((await remindersOf(s.id)).map((r) => `${r.minutes_before} ${r.outcome}`)).toEqual([
      '1440 skipped',
      '1440 skipped',
      '60 sent',
      '60 sent',
    ]);
  });

  it('emails a discreet client a generic reminder with no name and no time', async () => {
    const s = await aBookedSession(new Date('2026-12-16T20:00:00Z'), { discreetClient: true });
    await sendDueReminders(db(), new Date('2026-12-15T20:00:00Z'), 100);
    await settle();
    const [email] = await emailsTo(s.client);
    expect(email!.subject).toBe('Reminder: you have a session soon');
    expect(email!.body_text).not.toMatch(/Díaz|Ana|Dec|PM|sessions\//);
    expect((await emailsTo(s.provider))[0]!.subject).toBe('Reminder: video session with Jordan');
    // The bell is behind sign-in: it still says who and when.
    expect((await noticesTo(s.client, s.id))[0]!.text).toContain('Ana Díaz');
  });
});

describe('change notices', () => {
  /** A `session.changed` event as the booking service records it: the session moved by `by`. */
  const moved = async (trx: Db, s: Booked, by: 'client' | 'provider', to: Date) => {
    const row = await sessionWithParties(trx, s.id);
    await recordEvent(trx, { type: 'session.changed', payload: { ...sessionFacts(row!, to), change: 'rescheduled', by, withNote: false } });
  };

  it('tell a party in the bell and by email, nameless and timeless by email in discreet mode', async () => {
    const s = await aBookedSession(new Date('2026-12-20T20:00:00Z'), { discreetClient: true });
    const to = new Date('2026-12-21T20:00:00Z');
    await db()
      .transaction()
      .execute(async (trx) => {
        await moved(trx, s, 'provider', to);
        await moved(trx, s, 'client', to);
      });
    await settle();
    expect((await noticesTo(s.client, s.id)).map((n) => [n.kind, n.text])).toEqual([
      ['session', 'Ana Díaz moved your session to Mon 21 Dec at 3:00 PM (America/New_York).'],
    ]);
    const [discreet] = await emailsTo(s.client);
    expect(discreet).toMatchObject({ subject: 'An update about your session' });
    expect(discreet!.body_text).toContain('Open Haven to see it: https://haven.example');
    expect(discreet!.body_text).not.toMatch(/Díaz|Dec|PM/);
    expect((await emailsTo(s.provider))[0]).toMatchObject({
      subject: 'A change to your session',
      body_text: `Jordan moved your session to Mon 21 Dec at 2:00 PM (America/Chicago).\n\nhttps://haven.example/sessions/${s.id}\n`,
    });
  });

  it('are not written when the change rolls back', async () => {
    const s = await aBookedSession(new Date('2026-12-21T20:00:00Z'));
    const failed = db()
      .transaction()
      .execute(async (trx) => {
        await moved(trx, s, 'provider', new Date('2026-12-22T20:00:00Z'));
        throw new Error('the booking failed after all');
      });
    await expect(failed).rejects.toThrow('the booking failed');
    expect(await counts(s)).toEqual({ client: 0, provider: 0, clientEmails: 0, providerEmails: 0 });
  });
});

describe('surviving restarts and concurrent workers', () => {
  it('sends each reminder once across scheduler restarts at the same moment', async () => {
    const s = await aBookedSession(new Date('2027-01-05T20:00:00Z'));
    const now = new Date('2027-01-05T19:00:00Z');
    for (let restart = 0; restart < 3; restart++) {
      const jobs = startPeriodicJobs([{ name: 'sessions.reminders', everyMs: 60_000, run: () => sendDueReminders(db(), now) }], quiet);
      await jobs.stop(); // waits for the run it started with
    }
    expect(await counts(s)).toEqual({ client: 1, provider: 1, clientEmails: 1, providerEmails: 1 });
    expect((await remindersOf(s.id)).filter((r) => r.done_at === null)).toEqual([]);
  });

  it.skipIf(!testDatabaseUrl())(
    'two workers on separate pools send each reminder exactly once (PostgreSQL only: PGlite has one connection)',
    async () => {
      // Starts 14:00, 14:05 … 14:55; the 1-hour reminders fall due from 13:00 to 13:55.
      const sessions = await Promise.all(Array.from({ length: 12 }, (_, i) => aBookedSession(new Date(Date.UTC(2027, 1, 2, 14, 5 * i)))));
      const workers = [db(), otherWorker!.db, db(), otherWorker!.db];
      let sent = 0;
      for (const now of ['2027-02-01T15:00:00Z', '2027-02-02T13:30:00Z', '2027-02-02T13:59:00Z']) {
        const results = await Promise.all(workers.map((worker) => sendDueReminders(worker, new Date(now), 3)));
        sent += results.reduce((sum, r) => sum + r.sent, 0);
      }
      for (const s of sessions) expect(await counts(s)).toEqual({ client: 2, provider: 2, clientEmails: 2, providerEmails: 2 });
      expect(sent).toBe(sessions.length * 4);
    },
  );
});

type Step = { kind: 'advance'; minutes: number } | { kind: 'run' } | { kind: 'restart' } | { kind: 'concurrent' };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 26 * 60 }) }),
  fc.constant({ kind: 'run' as const }),
  fc.constant({ kind: 'restart' as const }),
  fc.constant({ kind: 'concurrent' as const }),
);

describe('whatever the worker does', () => {
  let epoch = Date.parse('2032-01-06T20:00:00Z');

  it('sends each reminder at most once, never early, and exactly the one a person should get', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 26 * 60 }),
        async (steps, leadMinutes) => {
          const startsAt = new Date((epoch += 30 * DAY));
          const s = await aBookedSession(startsAt);
          let now = new Date(startsAt.getTime() - leadMinutes * MINUTE - HOUR);
          const runs: Date[] = [];
          for (const action of steps) {
            if (action.kind === 'advance') now = new Date(now.getTime() + action.minutes * MINUTE);
            else if (action.kind === 'run') await sendDueReminders(db(), now);
            else if (action.kind === 'concurrent')
              await Promise.all([sendDueReminders(db(), now, 1), sendDueReminders(otherWorker?.db ?? db(), now, 1)]);
            else {
              const at = now;
              const jobs = startPeriodicJobs(
                [{ name: 'sessions.reminders', everyMs: 60_000, run: () => sendDueReminders(db(), at) }],
                quiet,
              );
              await jobs.stop();
            }
            if (action.kind !== 'advance') runs.push(now);
            await expectFaithful(s, runs);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});

/** Each reminder's fate follows from the moments the worker ran: the first run at or after it fell due decides it. */
async function expectFaithful(s: Booked, runs: Date[]): Promise<void> {
  await settle();
  const reminders = await remindersOf(s.id);
  for (const reminder of reminders) {
    const due = new Date(reminder.due_at).getTime();
    const firstRun = runs.find((run) => run.getTime() >= due)?.getTime();
    if (firstRun === undefined) {
      expect(reminder.done_at).toBeNull(); // never early
      continue;
    }
    const nearerDue = reminders.some(
      (other) =>
        other.user_id === reminder.user_id &&
        other.minutes_before < reminder.minutes_before &&
        new Date(other.due_at).getTime() <= firstRun,
    );
    const expected = firstRun < s.startsAt.getTime() && !nearerDue ? 'sent' : 'skipped';
    expect({ minutes: reminder.minutes_before, outcome: reminder.outcome, doneAt: reminder.done_at?.getTime() }).toEqual({
      minutes: reminder.minutes_before,
      outcome: expected,
      doneAt: firstRun,
    });
  }
  for (const party of [s.client, s.provider]) {
    const sent = reminders.filter((r) => r.user_id === party.userId && r.outcome === 'sent').length;
    expect((await noticesTo(party, s.id)).length).toBe(sent); // exactly once: one notice and one email per sent reminder
    expect((await emailsTo(party)).length).toBe(sent);
  }
}
