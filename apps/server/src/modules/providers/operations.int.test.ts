import { drainEvents } from '../../testing/events.ts';
import type { ProviderRecord } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import { aSignedUpClient } from '../../testing/clients.ts';
import { aProviderProfile } from '../../testing/factories.ts';
import { useTestApp } from '../../testing/harness.ts';
import { enrolInMfa } from '../../testing/mfa.ts';
import { anInvitedProvider } from '../../testing/network.ts';
import { expireLicences } from './operations.service.ts';

const haven = useTestApp({ admin: true });

/** A provider through onboarding with verified licences in the given states. */
async function verifiedProvider(states: string[], profile = aProviderProfile(), expiresOn = `${new Date().getUTCFullYear() + 1}-03-31`) {
  const { providerId, email, cookie } = await anInvitedProvider(haven, { firstName: profile.firstName, lastName: profile.lastName });
  const provider = haven.as(cookie);
  await provider.put('/api/provider/profile', profile);
  for (const state of states)
    await provider.post('/api/provider/licences', { state, licenceType: 'LPC', number: `LPC-${state}-1`, expiresOn });
  const { licences } = (await provider.get('/api/provider/workspace')).json<{ licences: Array<{ id: string }> }>();
  for (const licence of licences) await haven.as(haven.admin).post(`/api/admin/licences/${licence.id}/decision`, { decision: 'verify' });
  return { id: providerId, cookie, email };
}

describe('provider search', () => {
  it('filters by name, state, language, status and verification due', async () => {
    const tag = `Zq${Date.now().toString(36)}`;
    const spanish = await verifiedProvider(['FL'], aProviderProfile({ lastName: `${tag}-a`, languages: ['en', 'es'] }));
    const english = await verifiedProvider(['WA'], aProviderProfile({ lastName: `${tag}-b`, languages: ['en'] }), nextMonth());
    const ids = async (query: string): Promise<string[]> =>
      (await haven.as(haven.admin).get(`/api/admin/providers?q=${tag}${query}`))
        .json<{ providers: Array<{ id: string }> }>()
        .providers.map((p) => p.id);

    expect(await ids('')).toEqual([spanish.id, english.id]);
    expect(await ids('&state=FL')).toEqual([spanish.id]);
    expect(await ids('&language=es')).toEqual([spanish.id]);
    expect(await ids('&verification=due')).toEqual([english.id]);
    expect(await ids('&status=active')).toEqual([]);
    const row = (await haven.as(haven.admin).get(`/api/admin/providers?q=${tag}&state=WA`)).json().providers[0];
    expect(row).toMatchObject({ licensedStates: ['WA'], pendingLicences: 0, nextExpiry: nextMonth(), status: 'onboarding' });

    const bad = await haven.as(haven.admin).get('/api/admin/providers?state=ZZ');
    expect(bad.statusCode).toBe(400);
  });
});

describe('deactivation', () => {
  it('needs a reason, records it in the audit trail, and leaves an event for matching', async () => {
    const provider = await verifiedProvider(['OR']);
    await haven.as(provider.cookie).put('/api/provider/availability', {
      weekly: [{ weekday: 1, start: '09:00', end: '12:00' }],
      exceptions: [],
      sessionLengths: [50],
      bufferMinutes: 10,
      minNoticeHours: 24,
    });
    expect((await haven.as(haven.admin).post(`/api/admin/providers/${provider.id}/activate`)).statusCode).toBe(200);

    const noReason = await haven.as(haven.admin).post(`/api/admin/providers/${provider.id}/deactivate`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const done = await haven
      .as(haven.admin)
      .post(`/api/admin/providers/${provider.id}/deactivate`, { reason: 'Left the practice in November' });
    expect(done.json()).toMatchObject({ profile: { status: 'inactive' }, statusReason: 'Left the practice in November' });
    expect(done.json().audit[0]).toMatchObject({ action: 'provider.deactivated', reason: 'Left the practice in November' });

    const events = await haven.db.selectFrom('domain_events').selectAll().where('type', '=', 'provider.deactivated').execute();
    expect(events.map((e) => e.payload)).toContainEqual({ providerId: provider.id, reason: 'Left the practice in November' });

    const client = (await aSignedUpClient(haven)).cookie;
    expect((await haven.as(client).get(`/api/providers/${provider.id}`)).statusCode).toBe(404);
  });
});

describe("the provider's account on their record", () => {
  it('shows whether two-step sign-in is on, so an operator can reset it for a lost phone', async () => {
    const provider = await verifiedProvider(['OR']);
    const recordOf = async () => (await haven.as(haven.admin).get(`/api/admin/providers/${provider.id}`)).json<ProviderRecord>();
    const userId = (await haven.as(provider.cookie).get('/api/me')).json<{ user: { id: string } }>().user.id;
    expect((await recordOf()).account).toEqual({ userId, twoStep: false });
    await enrolInMfa(haven, provider.cookie);
    expect((await recordOf()).account).toEqual({ userId, twoStep: true });
    const reset = await haven
      .as(haven.admin)
      .post(`/api/admin/users/${userId}/mfa/reset`, { reason: 'Lost phone; identity checked by a call.' });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await recordOf()).account).toEqual({ userId, twoStep: false });
  });
});

describe('the nightly licence sweep', () => {
  it('expires lapsed licences once, tells operators, and they stop counting', async () => {
    const provider = await verifiedProvider(['ME']);
    const farFuture = `${new Date().getUTCFullYear() + 3}-01-01`;
    expect(await expireLicences(haven.db, farFuture)).toBeGreaterThan(0);
    expect(await expireLicences(haven.db, farFuture)).toBe(0);
    const record = (await haven.as(haven.admin).get(`/api/admin/providers/${provider.id}`)).json();
    expect(record.licences[0].status).toBe('expired');
    expect(record.readiness.missing).toContain('Have at least one verified, unexpired license.');
    await drainEvents(haven.app.context);
    const mail = await haven.db.selectFrom('outbox_emails').selectAll().where('subject', 'like', '%expired%').execute();
    expect(mail.some((m) => m.body_text.includes('LPC-ME-1'))).toBe(true);
  });
});

function nextMonth(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 30);
  return d.toISOString().slice(0, 10);
}
