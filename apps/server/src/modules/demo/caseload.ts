// A living demo (embedded default only): the demo provider, Elena Rivera, has a small caseload —
// the demo client Alex and two more people — each brought in the way a real client comes: an
// intake through the API, a first session chosen with Elena at submission. Then time is moved
// back for what only time makes: Alex has been in care for eight weeks, with a conversation, a
// past session with a signed progress note, two re-screens and an upcoming session; Sam has been
// in care for five weeks with one re-screen; Priya started this week. Every write but the
// backdating goes through the same routes the web app uses.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IntakeAnswers } from '@haven/contract';
import { consentVersions } from '@haven/contract';
import type { App } from '../../app.ts';
import { createAccount, findAccountByEmail } from '../identity/identity.service.ts';
import { settleAttendance } from '../sessions/joining.service.ts';
import { refreshOutcome } from '../care/outcomes.service.ts';
import { scoreGad7, scorePhq9 } from '@haven/domain';
import type { DemoAccount } from './demo.service.ts';

const DAY = 86_400_000;
type Person = {
  preferredName: string;
  email: string;
  dateOfBirth: string;
  /** Days in care; the first session is this many days ago (0: still ahead). */
  daysInCare: number;
  phq9: number[];
  gad7: number[];
  /** Later PHQ-9 / GAD-7 answers, with how many days ago each was given. */
  rescreens: Array<{ daysAgo: number; phq9: number[]; gad7: number[] }>;
  conversation: Array<{ from: 'client' | 'provider'; daysAgo: number; text: string }>;
};

const people = (clientEmail: string): Person[] => [
  {
    preferredName: 'Alex',
    email: clientEmail,
    dateOfBirth: '1991-06-14',
    daysInCare: 56,
    phq9: [2, 2, 2, 2, 1, 1, 2, 1, 0],
    gad7: [2, 2, 2, 1, 1, 2, 1],
    rescreens: [
      { daysAgo: 28, phq9: [1, 2, 1, 2, 1, 1, 1, 1, 0], gad7: [2, 1, 1, 1, 1, 1, 1] },
      { daysAgo: 2, phq9: [1, 1, 1, 1, 0, 1, 0, 0, 0], gad7: [1, 1, 1, 0, 1, 1, 0] },
    ],
    conversation: [
      {
        from: 'provider',
        daysAgo: 55,
        text: "Hi Alex, I'm Elena. I read your intake — thank you for being so open. What feels heaviest this week?",
      },
      {
        from: 'client',
        daysAgo: 55,
        text: "Work, mostly. I lie awake going over every email I sent. By Sunday night I'm already dreading Monday.",
      },
      {
        from: 'provider',
        daysAgo: 54,
        text: "That loop is exhausting. This week, try writing tomorrow's worries on paper an hour before bed and leaving them there. Tell me what happens.",
      },
      { from: 'client', daysAgo: 20, text: 'I did the worry list most nights. Fell asleep faster on four of them.' },
      { from: 'provider', daysAgo: 19, text: "Four nights is real progress. Let's look at the Monday dread together in our next session." },
      { from: 'client', daysAgo: 1, text: 'Small win: I pushed back on a deadline today and nothing terrible happened.' },
    ],
  },
  {
    preferredName: 'Sam',
    email: 'sam@clients.demo.haven.test',
    dateOfBirth: '1986-11-02',
    daysInCare: 35,
    phq9: [2, 2, 1, 2, 1, 2, 1, 1, 0],
    gad7: [1, 1, 1, 1, 0, 1, 1],
    rescreens: [{ daysAgo: 6, phq9: [2, 2, 1, 2, 1, 2, 1, 1, 0], gad7: [1, 1, 1, 1, 1, 1, 1] }],
    conversation: [
      { from: 'client', daysAgo: 34, text: "Since my dad died I can't seem to start anything. Friends have stopped asking." },
      {
        from: 'provider',
        daysAgo: 34,
        text: "I'm so sorry, Sam. Grief can flatten everything. We'll go gently. Is there one small thing you used to enjoy?",
      },
      { from: 'client', daysAgo: 7, text: 'I walked to the park on Saturday. It was hard to go out, but I went.' },
    ],
  },
  {
    preferredName: 'Priya',
    email: 'priya@clients.demo.haven.test',
    dateOfBirth: '1998-03-21',
    daysInCare: 0,
    phq9: [1, 1, 1, 1, 0, 1, 0, 1, 0],
    gad7: [2, 2, 2, 2, 1, 1, 2],
    rescreens: [],
    conversation: [
      { from: 'client', daysAgo: 0, text: "Hi Elena — I've never done therapy before. Is it okay that I don't know where to start?" },
    ],
  },
];

type Visitor = { request: (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => Promise<unknown> };

async function visitor(app: App, email: string, password: string): Promise<Visitor> {
  const signIn = await app.http.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (signIn.statusCode !== 200) throw new Error(`Demo sign-in for ${email} failed: ${signIn.statusCode} ${signIn.body}`);
  const setCookie = signIn.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0]! : setCookie!).split(';')[0]!;
  return {
    async request(method, url, body) {
      const response = await app.http.inject({
        method,
        url,
        headers: { cookie },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      if (response.statusCode >= 300) throw new Error(`Demo ${method} ${url} failed: ${response.statusCode} ${response.body}`);
      return response.body ? (JSON.parse(response.body) as unknown) : null;
    },
  };
}

/** Builds the demo caseload once; later starts find the demo client already in care and leave everything as it is. */
export async function ensureDemoCaseload(
  app: App,
  accounts: DemoAccount[],
  now = new Date(),
): Promise<{ clients: number; created: boolean }> {
  const { db } = app.context;
  const clientAccount = accounts.find((a) => a.role === 'client');
  const providerAccount = accounts.find((a) => a.role === 'provider');
  if (!clientAccount || !providerAccount) return { clients: 0, created: false };
  const clientUser = await findAccountByEmail(db, clientAccount.email);
  const providerUser = await findAccountByEmail(db, providerAccount.email);
  const provider = providerUser
    ? await db.selectFrom('providers').select(['id', 'time_zone', 'focus_areas']).where('user_id', '=', providerUser.id).executeTakeFirst()
    : undefined;
  if (!clientUser || !provider) return { clients: 0, created: false };
  const submitted = await db.selectFrom('clients').select('submitted_at').where('user_id', '=', clientUser.id).executeTakeFirst();
  if (submitted?.submitted_at) return { clients: people(clientAccount.email).length, created: false };

  const licence = await db
    .selectFrom('licences')
    .select('state')
    .where('provider_id', '=', provider.id)
    .where('status', '=', 'verified')
    .executeTakeFirstOrThrow();
  const elena = await visitor(app, providerAccount.email, providerAccount.password);
  const passwords = new Map([[clientAccount.email, clientAccount.password]]);
  const inCare: Array<{ person: Person; client: Visitor; roomId: string }> = [];
  for (const person of people(clientAccount.email)) {
    let password = passwords.get(person.email);
    if (!password) {
      password = randomBytes(12).toString('base64url');
      await createAccount(db, { email: person.email, password, preferredName: person.preferredName, role: 'client' }, now);
    }
    const client = await visitor(app, person.email, password);
    const answers: IntakeAnswers = {
      state: licence.state,
      dateOfBirth: person.dateOfBirth,
      timeZone: provider.time_zone ?? 'America/New_York',
      requiredLanguages: ['en'],
      focusAreas: provider.focus_areas.slice(0, 2),
      preferences: { providerGender: null, approaches: [], careFormat: 'both', liveModality: 'video', preferredTimes: [] },
      phq9: { items: person.phq9, difficulty: 1 },
      gad7: { items: person.gad7 },
      coverage: { kind: 'direct', plan: 'messaging_live' },
      consent: { telehealthVersion: consentVersions.telehealth, privacyVersion: consentVersions.privacy },
    };
    await client.request('PUT', '/api/intake', { step: 'consent', answers });
    const from = new Date(now.getTime() + 3 * DAY).toISOString();
    const to = new Date(now.getTime() + 17 * DAY).toISOString();
    const slots = (await client.request('GET', `/api/providers/${provider.id}/slots?from=${from}&to=${to}&length=60`)) as {
      slots: Array<{ start: string }>;
    };
    const slot = slots.slots[0];
    if (!slot) throw new Error('The demo provider has no open hour in the next two weeks.');
    const care = (await client.request('POST', '/api/intake/submit', {
      firstSession: { providerId: provider.id, start: slot.start, lengthMinutes: 60 },
    })) as { roomId: string; clientId?: string };
    await converse(app, client, elena, care.roomId, person, now);
    await moveBack(app, care.roomId, person, now);
    inCare.push({ person, client, roomId: care.roomId });
  }
  await settleAttendance(db, app.context, now);
  for (const { person, client, roomId } of inCare) if (person.daysInCare > 0) await afterFirstSession(app, elena, client, roomId, now);
  return { clients: people(clientAccount.email).length, created: true };
}

async function converse(app: App, client: Visitor, elena: Visitor, roomId: string, person: Person, now: Date): Promise<void> {
  for (const line of person.conversation) {
    const who = line.from === 'client' ? client : elena;
    const sent = (await who.request('POST', `/api/rooms/${roomId}/messages`, { clientMessageId: randomUUID(), text: line.text })) as {
      id: string;
    };
    await app.context.db
      .updateTable('messages')
      .set({ sent_at: new Date(now.getTime() - line.daysAgo * DAY - 3_600_000) })
      .where('id', '=', sent.id)
      .execute();
  }
}

/** Elena signs the note of the first session, and the client books the next one. */
async function afterFirstSession(app: App, elena: Visitor, client: Visitor, roomId: string, now: Date): Promise<void> {
  const first = await app.context.db
    .selectFrom('live_sessions')
    .select('id')
    .where('room_id', '=', roomId)
    .where('status', '=', 'completed')
    .executeTakeFirst();
  if (first) {
    await elena.request('POST', `/api/provider/sessions/${first.id}/note/sign`, {
      presentation:
        'Client arrived on time, engaged and reflective. Reports worry about work keeping them awake most nights; mood low but hopeful.',
      interventions: 'Psychoeducation on the worry cycle; introduced a written worry period an hour before bed; explored values at work.',
      plan: 'Practise the worry period nightly and note sleep onset; review in two weeks; re-screen PHQ-9 and GAD-7 at four weeks.',
      risk: 'Denies thoughts of self-harm; PHQ-9 item 9 answered 0. No safety concerns today.',
      minutes: 50,
      cptCode: '90834',
    });
  }
  const from = new Date(now.getTime() + 2 * DAY).toISOString();
  const to = new Date(now.getTime() + 16 * DAY).toISOString();
  const options = (await client.request('GET', `/api/sessions/options?from=${from}&to=${to}&length=60`)) as {
    slots: Array<{ start: string }>;
  };
  const coverage = (await client.request('GET', '/api/coverage')) as { estimate: { costCents: number } | null };
  const slot = options.slots.at(-1);
  if (slot) {
    await client.request('POST', '/api/sessions', {
      start: slot.start,
      lengthMinutes: 60,
      modality: 'video',
      acceptedCostCents: coverage.estimate?.costCents ?? 0,
    });
  }
}

/** Moves the start of care, the intake and the first session back by the person's days in care, and adds their re-screens. */
async function moveBack(app: App, roomId: string, person: Person, now: Date): Promise<void> {
  const { db, sealer } = app.context;
  const room = await db.selectFrom('rooms').select('client_id').where('id', '=', roomId).executeTakeFirstOrThrow();
  const clientId = room.client_id;
  if (person.daysInCare > 0) {
    const began = new Date(now.getTime() - person.daysInCare * DAY);
    await db.updateTable('clients').set({ submitted_at: began }).where('id', '=', clientId).execute();
    await db.updateTable('care_assignments').set({ started_at: began, waiting_since: began }).where('client_id', '=', clientId).execute();
    await db
      .updateTable('screener_results')
      .set({ taken_at: new Date(began.getTime() - 3_600_000) })
      .where('client_id', '=', clientId)
      .execute();
    // The first session took place a day after the match; both joined, so the attendance sweep completes it.
    const first = await db
      .selectFrom('live_sessions')
      .select(['id', 'starts_at', 'ends_at'])
      .where('client_id', '=', clientId)
      .executeTakeFirstOrThrow();
    const startsAt = new Date(began.getTime() + DAY);
    const length = first.ends_at.getTime() - first.starts_at.getTime();
    await db
      .updateTable('live_sessions')
      .set({
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + length),
        provider_joined_at: startsAt,
        client_joined_at: new Date(startsAt.getTime() + 60_000),
      })
      .where('id', '=', first.id)
      .execute();
  }
  for (const rescreen of person.rescreens) {
    const takenAt = new Date(now.getTime() - rescreen.daysAgo * DAY);
    const phq9 = scorePhq9(rescreen.phq9);
    const gad7 = scoreGad7(rescreen.gad7);
    const rows = await Promise.all(
      [
        { instrument: 'phq9' as const, value: { items: rescreen.phq9, difficulty: 1, total: phq9.total, band: phq9.band } },
        { instrument: 'gad7' as const, value: { items: rescreen.gad7, total: gad7.total, band: gad7.band } },
      ].map(async ({ instrument, value }) => {
        const id = randomUUID();
        const sealed = await sealer.seal(clientId, JSON.stringify(value), { table: 'screener_results', row: id, field: 'result' });
        return { id, client_id: clientId, instrument, sealed };
      }),
    );
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('screener_results').values(rows).execute();
      await trx
        .updateTable('screener_results')
        .set({ taken_at: takenAt })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      await refreshOutcome(trx, sealer, clientId);
    });
  }
}
