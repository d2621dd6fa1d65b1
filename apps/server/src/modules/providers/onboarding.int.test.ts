import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrokenAuditLink } from '../../platform/audit/audit.ts';
import { aProviderProfile, aSignUp } from '../../testing/factories.ts';
import { sessionCookieFrom, signInAsNewAdmin, startTestApp, type TestApp } from '../../testing/test-app.ts';

let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = await startTestApp();
  admin = await signInAsNewAdmin(app);
});
afterAll(async () => {
  await app?.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, cookie?: string, payload?: unknown) =>
  app.http.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });
const tokenOf = (link: string) => new URL(link).pathname.split('/').pop()!;
const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;

async function invite(email = `${aSignUp().email}`) {
  const response = await call('POST', '/api/admin/provider-invites', admin, { email, firstName: 'Marisol', lastName: 'Ortega' });
  expect(response.statusCode).toBe(201);
  return response.json<{ providerId: string; link: string; email: string }>();
}

async function acceptedProvider() {
  const sent = await invite();
  const accepted = await call('POST', `/api/provider-invites/${tokenOf(sent.link)}/accept`, undefined, {
    password: 'clinic lantern 2291 moss',
  });
  expect(accepted.statusCode).toBe(201);
  return { ...sent, cookie: sessionCookieFrom(accepted.headers['set-cookie']) };
}

describe('provider onboarding, end to end through the API', () => {
  it('invite → accept → profile → licences → hours → verification → activation → public profile', async () => {
    const sent = await invite();
    expect(sent.link).toMatch(/^http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
    const outbox = (await call('GET', '/api/admin/outbox', admin)).json<{ emails: Array<{ to: string; text: string }> }>();
    expect(outbox.emails.find((e) => e.to === sent.email)?.text).toContain(sent.link);

    const preview = await call('GET', `/api/provider-invites/${tokenOf(sent.link)}`);
    expect(preview.json()).toMatchObject({ email: sent.email, firstName: 'Marisol' });

    const accepted = await call('POST', `/api/provider-invites/${tokenOf(sent.link)}/accept`, undefined, {
      password: 'clinic lantern 2291 moss',
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().user.role).toBe('provider');
    const provider = sessionCookieFrom(accepted.headers['set-cookie']);

    const saved = await call('PUT', '/api/provider/profile', provider, aProviderProfile());
    expect(saved.statusCode).toBe(200);
    expect(saved.json().readiness.missing).toEqual([
      'Publish weekly hours for live sessions.',
      'Have at least one verified, unexpired license.',
    ]);

    for (const state of ['TX', 'NM']) {
      const added = await call('POST', '/api/provider/licences', provider, {
        state,
        licenceType: 'LPC',
        number: `LPC-${state}-88231`,
        expiresOn: nextYear,
      });
      expect(added.statusCode).toBe(201);
    }
    const hours = await call('PUT', '/api/provider/availability', provider, {
      weekly: [
        { weekday: 2, start: '17:00', end: '21:00' },
        { weekday: 4, start: '08:00', end: '12:00' },
      ],
      exceptions: [],
      sessionLengths: [50],
      bufferMinutes: 10,
      minNoticeHours: 24,
    });
    expect(hours.statusCode).toBe(200);

    const notYet = await call('POST', `/api/admin/providers/${sent.providerId}/activate`, admin);
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().error.message).toMatch(/verified, unexpired license/);

    const queue = await call('GET', '/api/admin/licences?status=pending', admin);
    const mine = queue.json().licences.filter((l: { providerId: string }) => l.providerId === sent.providerId);
    expect(mine).toHaveLength(2);
    for (const licence of mine) {
      const decided = await call('POST', `/api/admin/licences/${licence.id}/decision`, admin, { decision: 'verify' });
      expect(decided.statusCode).toBe(200);
    }
    const twice = await call('POST', `/api/admin/licences/${mine[0].id}/decision`, admin, {
      decision: 'reject',
      reason: 'changed my mind',
    });
    expect(twice.statusCode).toBe(409);

    const activated = await call('POST', `/api/admin/providers/${sent.providerId}/activate`, admin);
    expect(activated.statusCode).toBe(200);
    expect(activated.json().profile.status).toBe('active');
    expect(activated.json().audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['provider.invited', 'provider.invite_accepted', 'licence.verified', 'provider.activated']),
    );

    const client = sessionCookieFrom((await call('POST', '/api/auth/sign-up', undefined, aSignUp())).headers['set-cookie']);
    const profile = await call('GET', `/api/providers/${sent.providerId}`, client);
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ firstName: 'Marisol', yearsExperience: 9, languages: ['en', 'es'] });
    expect(profile.json().licences).toEqual([
      { state: 'NM', licenceType: 'LPC' },
      { state: 'TX', licenceType: 'LPC' },
    ]);
    expect(profile.json()).not.toHaveProperty('npi');
    expect(profile.json()).not.toHaveProperty('email');

    const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 9 * 86_400_000).toISOString();
    const slots = await call('GET', `/api/providers/${sent.providerId}/slots?from=${from}&to=${to}&length=50`, client);
    expect(slots.json().timeZone).toBe('America/Chicago');
    expect(slots.json().slots.length).toBe(8); // two 4-hour windows a week, 50 + 10 minutes each: 4 slots each

    expect(await findBrokenAuditLink(app.context.db)).toBeNull();
  });

  it('uses an invitation once; a second use, an unknown token or an expired one get a clear 410', async () => {
    const sent = await invite();
    const token = tokenOf(sent.link);
    expect((await call('POST', `/api/provider-invites/${token}/accept`, undefined, { password: 'first use works 8812' })).statusCode).toBe(
      201,
    );
    const again = await call('POST', `/api/provider-invites/${token}/accept`, undefined, { password: 'second use fails 8812' });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.message).toMatch(/used or has expired/);
    expect((await call('GET', `/api/provider-invites/${'x'.repeat(43)}`)).statusCode).toBe(410);

    const late = await invite();
    await app.context.db
      .updateTable('provider_invites')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('provider_id', '=', late.providerId)
      .execute();
    expect(
      (await call('POST', `/api/provider-invites/${tokenOf(late.link)}/accept`, undefined, { password: 'too late for this 1' })).statusCode,
    ).toBe(410);
  });

  it('keeps the invitation usable when the chosen password is too weak', async () => {
    const sent = await invite();
    const weak = await call('POST', `/api/provider-invites/${tokenOf(sent.link)}/accept`, undefined, { password: 'password1234' });
    expect(weak.statusCode).toBe(422);
    expect(
      (await call('POST', `/api/provider-invites/${tokenOf(sent.link)}/accept`, undefined, { password: 'better choice 4471 fern' }))
        .statusCode,
    ).toBe(201);
  });

  it('lets only admins invite, list and activate', async () => {
    const { cookie: provider, providerId } = await acceptedProvider();
    expect((await call('GET', '/api/admin/providers', provider)).statusCode).toBe(403);
    expect((await call('GET', '/api/admin/outbox', provider)).statusCode).toBe(403);
    expect((await call('POST', `/api/admin/providers/${providerId}/activate`, provider)).statusCode).toBe(403);
    expect((await call('GET', '/api/admin/providers')).statusCode).toBe(401);
    expect((await call('GET', '/api/provider/workspace', admin)).statusCode).toBe(403);
  });
});

describe('bad provider input is refused with a reason and changes nothing', () => {
  it.each([
    ['an invalid NPI', { npi: '1234567890' }, 'npi', /check digit/],
    ['a time zone that is not IANA', { timeZone: 'Central Time' }, 'timeZone', /time zone/],
    ['a capacity of zero', { capacity: 0 }, 'capacity', /at least 1/],
    ['a negative capacity', { capacity: -3 }, 'capacity', /at least 1/],
    [
      'overlapping business hours',
      {
        businessHours: [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 1, start: '11:00', end: '13:00' },
        ],
      },
      'businessHours',
      /overlaps/,
    ],
  ])('%s', async (_label, change, field, message) => {
    const { cookie } = await acceptedProvider();
    const response = await call('PUT', '/api/provider/profile', cookie, aProviderProfile(change));
    expect(response.statusCode).toBe(400);
    const issue = response.json().error.issues.find((i: { field: string }) => i.field === field);
    expect(issue?.message).toMatch(message);
    expect((await call('GET', '/api/provider/workspace', cookie)).json().profile.npi).toBeNull();
  });

  it('refuses an unknown state and a past expiry date for a licence', async () => {
    const { cookie } = await acceptedProvider();
    const unknown = await call('POST', '/api/provider/licences', cookie, {
      state: 'XX',
      licenceType: 'LPC',
      number: 'LPC-1',
      expiresOn: nextYear,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0]).toMatchObject({ field: 'state', message: expect.stringMatching(/50 states or DC/) });
    const past = await call('POST', '/api/provider/licences', cookie, {
      state: 'TX',
      licenceType: 'LPC',
      number: 'LPC-1',
      expiresOn: '2020-01-31',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.issues[0]).toMatchObject({ field: 'expiresOn', message: expect.stringMatching(/passed/) });
    expect((await call('GET', '/api/provider/workspace', cookie)).json().licences).toEqual([]);
  });

  it('refuses overlapping live-session windows', async () => {
    const { cookie } = await acceptedProvider();
    await call('PUT', '/api/provider/profile', cookie, aProviderProfile());
    const response = await call('PUT', '/api/provider/availability', cookie, {
      weekly: [
        { weekday: 3, start: '09:00', end: '12:00' },
        { weekday: 3, start: '10:00', end: '11:00' },
      ],
      exceptions: [],
      sessionLengths: [50],
      bufferMinutes: 10,
      minNoticeHours: 24,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/Wednesday 09:00–12:00 overlaps Wednesday 10:00–11:00/);
  });

  it('takes a real photo, strips it to a 512px WebP; refuses a non-image and a 50 MB upload', async () => {
    const { cookie, providerId } = await acceptedProvider();
    const jpeg = await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#6a9' } })
      .jpeg()
      .withMetadata()
      .toBuffer();
    const put = (body: Buffer, type: string) =>
      app.http.inject({ method: 'PUT', url: '/api/provider/photo', headers: { cookie, 'content-type': type }, payload: body });
    const ok = await put(jpeg, 'image/jpeg');
    expect(ok.statusCode).toBe(200);
    const photo = await call('GET', ok.json().profile.photoUrl, cookie);
    expect(photo.headers['content-type']).toBe('image/webp');
    const meta = await sharp(photo.rawPayload).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([512, 512, undefined]);
    expect(ok.json().profile.photoUrl).toContain(providerId);

    const pdf = await put(Buffer.from('%PDF-1.7 not an image'), 'image/png');
    expect(pdf.statusCode).toBe(422);
    expect(pdf.json().error.code).toBe('invalid_image');
    const huge = await put(Buffer.alloc(50 * 1024 * 1024, 1), 'image/jpeg');
    expect(huge.statusCode).toBe(413);
  });
});
