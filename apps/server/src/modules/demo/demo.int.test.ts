import { afterAll, beforeAll, expect, it } from 'vitest';
import { sessionCookieFrom, startTestApp, type TestApp } from '../../testing/test-app.ts';
import { ensureDemoAccounts, ensureDemoNetwork, ensureDemoPartners } from './demo.service.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

it('loads the demo network once, with the demo provider account as a real, active provider', async () => {
  const accounts = await ensureDemoAccounts(app.context.db, app.config.dataDir);
  expect(accounts.map((a) => a.role)).toEqual(['client', 'provider', 'admin']);
  expect(await ensureDemoAccounts(app.context.db, app.config.dataDir)).toEqual(accounts);

  const first = await ensureDemoNetwork(app.context, accounts);
  expect(first).toEqual({ providers: 600, states: 51, created: true });
  expect(await ensureDemoNetwork(app.context, accounts)).toEqual({ providers: 600, states: 51, created: false });

  const signIn = async (role: string) => {
    const account = accounts.find((a) => a.role === role)!;
    const response = await app.http.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: account.email, password: account.password },
    });
    return sessionCookieFrom(response.headers['set-cookie']);
  };
  const provider = await signIn('provider');
  const workspace = (await app.http.inject({ method: 'GET', url: '/api/provider/workspace', headers: { cookie: provider } })).json();
  expect(workspace.profile).toMatchObject({ firstName: 'Elena', lastName: 'Rivera', status: 'active' });
  expect(workspace.readiness.missing).toEqual([]);

  const admin = await signIn('admin');
  const texans = (
    await app.http.inject({ method: 'GET', url: '/api/admin/providers?state=TX&language=es', headers: { cookie: admin } })
  ).json();
  expect(texans.total).toBeGreaterThan(0);
  const client = await signIn('client');
  const someone = texans.providers[0].id;
  const profile = await app.http.inject({ method: 'GET', url: `/api/providers/${someone}`, headers: { cookie: client } });
  expect(profile.json().licences.map((l: { state: string }) => l.state)).toContain('TX');
  const photo = await app.http.inject({ method: 'GET', url: profile.json().photoUrl, headers: { cookie: client } });
  expect(photo.headers['content-type']).toBe('image/webp');
});

it('seeds demo partners once, so an EAP code and a health plan can be tried at once', async () => {
  const first = await ensureDemoPartners(app.context.db);
  await ensureDemoPartners(app.context.db);
  const codes = await app.context.db.selectFrom('eap_codes').select('code').execute();
  expect(codes.map((c) => c.code).sort()).toEqual([...first.codes].sort());
  const plans = await app.context.db.selectFrom('health_plans').select('name').execute();
  expect(plans.map((p) => p.name).sort()).toEqual(first.healthPlans);
});
