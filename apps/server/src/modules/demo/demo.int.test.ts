import { expect, it } from 'vitest';
import { useTestApp } from '../../testing/harness.ts';
import { signIn } from '../../testing/test-app.ts';
import { ensureDemoCaseload } from './caseload.ts';
import { ensureDemoAccounts, ensureDemoNetwork, ensureDemoPartners } from './demo.service.ts';

const haven = useTestApp();

it('loads the demo network once, with the demo provider account as a real, active provider', async () => {
  const accounts = await ensureDemoAccounts(haven.db, haven.app.config.dataDir);
  expect(accounts.map((a) => a.role)).toEqual(['client', 'provider', 'admin']);
  expect(await ensureDemoAccounts(haven.db, haven.app.config.dataDir)).toEqual(accounts);

  const first = await ensureDemoNetwork(haven.app.context, accounts);
  expect(first).toEqual({ providers: 600, states: 51, created: true });
  expect(await ensureDemoNetwork(haven.app.context, accounts)).toEqual({ providers: 600, states: 51, created: false });

  const signInAs = (role: string) => {
    const { email, password } = accounts.find((a) => a.role === role)!;
    return signIn(haven.app, { email, password });
  };
  const provider = await signInAs('provider');
  const workspace = (await haven.as(provider).get('/api/provider/workspace')).json();
  expect(workspace.profile).toMatchObject({ firstName: 'Elena', lastName: 'Rivera', status: 'active' });
  expect(workspace.readiness.missing).toEqual([]);

  const admin = await signInAs('admin');
  const texans = (await haven.as(admin).get('/api/admin/providers?state=TX&language=es')).json();
  expect(texans.total).toBeGreaterThan(0);
  const client = await signInAs('client');
  const someone = texans.providers[0].id;
  const profile = await haven.as(client).get(`/api/providers/${someone}`);
  expect(profile.json().licences.map((l: { state: string }) => l.state)).toContain('TX');
  const photo = await haven.as(client).get(profile.json().photoUrl);
  expect(photo.headers['content-type']).toBe('image/webp');
});

it('seeds demo partners once, so an EAP code and a health plan can be tried at once', async () => {
  const first = await ensureDemoPartners(haven.db);
  await ensureDemoPartners(haven.db);
  const codes = await haven.db.selectFrom('eap_codes').select('code').execute();
  expect(codes.map((c) => c.code).sort()).toEqual([...first.codes].sort());
  const plans = await haven.db.selectFrom('health_plans').select('name').execute();
  expect(plans.map((p) => p.name).sort()).toEqual(first.healthPlans);
});

it('gives the demo provider a living caseload once: the demo client in care for weeks, with a signed note, re-screens and an upcoming session', async () => {
  const accounts = await ensureDemoAccounts(haven.db, haven.app.config.dataDir);
  await ensureDemoNetwork(haven.app.context, accounts);
  await ensureDemoPartners(haven.db);
  expect(await ensureDemoCaseload(haven.app, accounts)).toEqual({ clients: 3, created: true });
  expect(await ensureDemoCaseload(haven.app, accounts)).toEqual({ clients: 3, created: false });

  const signInAs = (role: string) => {
    const { email, password } = accounts.find((a) => a.role === role)!;
    return signIn(haven.app, { email, password });
  };
  const provider = await signInAs('provider');
  const workspace = (await haven.as(provider).get('/api/provider/workspace')).json();
  expect(workspace.profile).toMatchObject({ firstName: 'Elena', lastName: 'Rivera', gender: 'woman', pronouns: 'she/her' });
  const caseload = (await haven.as(provider).get('/api/provider/clients')).json();
  expect(JSON.stringify(caseload)).toContain('Alex');
  const inbox = await haven.as(provider).get('/api/provider/inbox');
  expect(inbox.statusCode).toBe(200);

  const client = await signInAs('client');
  const care = (await haven.as(client).get('/api/care')).json();
  expect(`${care.current.provider.firstName} ${care.current.provider.lastName}`).toBe('Elena Rivera');
  const sessions = (await haven.as(client).get('/api/sessions')).json();
  expect(sessions.past.some((s: { status: string }) => s.status === 'completed')).toBe(true);
  expect(sessions.upcoming.length).toBeGreaterThan(0);
  const completed = sessions.past.find((s: { status: string }) => s.status === 'completed');
  const note = (await haven.as(provider).get(`/api/provider/sessions/${completed.id}/note`)).json();
  expect(note.note.signedAt).toBeTruthy();
  const room = (await haven.as(client).get(`/api/rooms/${care.roomId}/messages`)).json();
  expect(room.messages.length).toBeGreaterThanOrEqual(6);

  const { id: clientId } = await haven.db
    .selectFrom('clients')
    .innerJoin('users', 'users.id', 'clients.user_id')
    .select('clients.id')
    .where('users.email', '=', accounts[0]!.email)
    .executeTakeFirstOrThrow();
  const screeners = await haven.db.selectFrom('screener_results').select('taken_at').where('client_id', '=', clientId).execute();
  expect(screeners).toHaveLength(6); // intake + two re-screens, PHQ-9 and GAD-7 each
  const outcome = await haven.db.selectFrom('care_outcomes').selectAll().executeTakeFirst();
  expect(outcome).toBeTruthy();
});
