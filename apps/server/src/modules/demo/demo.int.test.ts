import { expect, it } from 'vitest';
import { useTestApp } from '../../testing/harness.ts';
import { signIn } from '../../testing/test-app.ts';
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
