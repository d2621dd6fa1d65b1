import { drainEvents } from '../../testing/events.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrokenAuditLink, recordAudit } from '../../platform/audit/audit.ts';
import { aProviderProfile, aSignUp } from '../../testing/factories.ts';
import { sessionCookieFrom, signInAsNewAdmin, startTestApp, type TestApp } from '../../testing/test-app.ts';
import { expireLicences } from './operations.service.ts';

let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = await startTestApp();
  admin = await signInAsNewAdmin(app);
});
afterAll(async () => {
  await app?.close();
});

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: unknown) =>
  app.http.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });

/** A provider through onboarding with verified licences in the given states. */
async function verifiedProvider(states: string[], profile = aProviderProfile(), expiresOn = `${new Date().getUTCFullYear() + 1}-03-31`) {
  const email = aSignUp().email;
  const sent = (
    await call('POST', '/api/admin/provider-invites', admin, { email, firstName: profile.firstName, lastName: profile.lastName })
  ).json();
  const token = new URL(sent.link).pathname.split('/').pop();
  const cookie = sessionCookieFrom(
    (await call('POST', `/api/provider-invites/${token}/accept`, undefined, { password: 'orchard copper 5521 vale' })).headers[
      'set-cookie'
    ],
  );
  await call('PUT', '/api/provider/profile', cookie, profile);
  for (const state of states)
    await call('POST', '/api/provider/licences', cookie, { state, licenceType: 'LPC', number: `LPC-${state}-1`, expiresOn });
  const { licences } = (await call('GET', '/api/provider/workspace', cookie)).json();
  for (const licence of licences) await call('POST', `/api/admin/licences/${licence.id}/decision`, admin, { decision: 'verify' });
  return { id: sent.providerId as string, cookie, email };
}

describe('provider search', () => {
  it('filters by name, state, language, status and verification due', async () => {
    const tag = `Zq${Date.now().toString(36)}`;
    const spanish = await verifiedProvider(['FL'], aProviderProfile({ lastName: `${tag}-a`, languages: ['en', 'es'] }));
    const english = await verifiedProvider(['WA'], aProviderProfile({ lastName: `${tag}-b`, languages: ['en'] }), nextMonth());
    const ids = async (query: string): Promise<string[]> =>
      (await call('GET', `/api/admin/providers?q=${tag}${query}`, admin))
        .json<{ providers: Array<{ id: string }> }>()
        .providers.map((p) => p.id);

    expect(await ids('')).toEqual([spanish.id, english.id]);
    expect(await ids('&state=FL')).toEqual([spanish.id]);
    expect(await ids('&language=es')).toEqual([spanish.id]);
    expect(await ids('&verification=due')).toEqual([english.id]);
    expect(await ids('&status=active')).toEqual([]);
    const row = (await call('GET', `/api/admin/providers?q=${tag}&state=WA`, admin)).json().providers[0];
    expect(row).toMatchObject({ licensedStates: ['WA'], pendingLicences: 0, nextExpiry: nextMonth(), status: 'onboarding' });

    const bad = await call('GET', '/api/admin/providers?state=ZZ', admin);
    expect(bad.statusCode).toBe(400);
  });
});

describe('deactivation', () => {
  it('needs a reason, records it in the audit trail, and leaves an event for matching', async () => {
    const provider = await verifiedProvider(['OR']);
    await call('PUT', '/api/provider/availability', provider.cookie, {
      weekly: [{ weekday: 1, start: '09:00', end: '12:00' }],
      exceptions: [],
      sessionLengths: [50],
      bufferMinutes: 10,
      minNoticeHours: 24,
    });
    expect((await call('POST', `/api/admin/providers/${provider.id}/activate`, admin)).statusCode).toBe(200);

    const noReason = await call('POST', `/api/admin/providers/${provider.id}/deactivate`, admin, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const done = await call('POST', `/api/admin/providers/${provider.id}/deactivate`, admin, { reason: 'Left the practice in November' });
    expect(done.json()).toMatchObject({ profile: { status: 'inactive' }, statusReason: 'Left the practice in November' });
    expect(done.json().audit[0]).toMatchObject({ action: 'provider.deactivated', reason: 'Left the practice in November' });

    const events = await app.context.db.selectFrom('domain_events').selectAll().where('type', '=', 'provider.deactivated').execute();
    expect(events.map((e) => e.payload)).toContainEqual({ providerId: provider.id, reason: 'Left the practice in November' });

    const client = sessionCookieFrom((await call('POST', '/api/auth/sign-up', undefined, aSignUp())).headers['set-cookie']);
    expect((await call('GET', `/api/providers/${provider.id}`, client)).statusCode).toBe(404);
  });
});

describe('the nightly licence sweep', () => {
  it('expires lapsed licences once, tells operators, and they stop counting', async () => {
    const provider = await verifiedProvider(['ME']);
    const farFuture = `${new Date().getUTCFullYear() + 3}-01-01`;
    expect(await expireLicences(app.context.db, farFuture)).toBeGreaterThan(0);
    expect(await expireLicences(app.context.db, farFuture)).toBe(0);
    const record = (await call('GET', `/api/admin/providers/${provider.id}`, admin)).json();
    expect(record.licences[0].status).toBe('expired');
    expect(record.readiness.missing).toContain('Have at least one verified, unexpired license.');
    await drainEvents(app.context);
    const mail = await app.context.db.selectFrom('outbox_emails').selectAll().where('subject', 'like', '%expired%').execute();
    expect(mail.some((m) => m.body_text.includes('LPC-ME-1'))).toBe(true);
  });
});

describe('the audit trail', () => {
  it('refuses updates and deletes, and detects a row changed behind its back', async () => {
    await app.context.db.transaction().execute((trx) =>
      recordAudit(trx, {
        actor: { id: null, label: 'test' },
        action: 'test.recorded',
        subject: { type: 'test', id: '1' },
        detail: { b: 1, a: [2] },
      }),
    );
    expect(await findBrokenAuditLink(app.context.db)).toBeNull();
    await expect(sql`update audit_events set reason = 'edited'`.execute(app.context.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(app.context.db)).rejects.toThrow(/append-only/);

    // Someone with the power to drop the trigger edits a row: the chain shows it.
    await sql`alter table audit_events disable trigger audit_events_no_update`.execute(app.context.db);
    await sql`update audit_events set actor_label = 'someone else' where action = 'test.recorded'`.execute(app.context.db);
    await sql`alter table audit_events enable trigger audit_events_no_update`.execute(app.context.db);
    expect(await findBrokenAuditLink(app.context.db)).not.toBeNull();
  });
});

function nextMonth(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 30);
  return d.toISOString().slice(0, 10);
}
