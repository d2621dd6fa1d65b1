import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { verifiedAuditTrail } from '../../testing/audit.ts';
import { aSignedUpClient } from '../../testing/clients.ts';
import { aProviderProfile } from '../../testing/factories.ts';
import { useTestApp } from '../../testing/harness.ts';
import { aProviderInvite, anInvitedProvider, inviteTokenOf } from '../../testing/network.ts';
import { sessionCookieFrom } from '../../testing/test-app.ts';

const haven = useTestApp({ admin: true });
const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;

describe('provider onboarding, end to end through the API', () => {
  it('invite → accept → profile → licences → hours → verification → activation → public profile', async () => {
    const sent = await aProviderInvite(haven);
    expect(sent.link).toMatch(/^http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
    const outbox = (await haven.as(haven.admin).get('/api/admin/outbox')).json<{ emails: Array<{ to: string; text: string }> }>();
    expect(outbox.emails.find((e) => e.to === sent.email)?.text).toContain(sent.link);

    const preview = await haven.signedOut.get(`/api/provider-invites/${inviteTokenOf(sent.link)}`);
    expect(preview.json()).toMatchObject({ email: sent.email, firstName: 'Marisol' });

    const accepted = await haven.signedOut.post(`/api/provider-invites/${inviteTokenOf(sent.link)}/accept`, {
      password: 'clinic lantern 2291 moss',
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().user.role).toBe('provider');
    const provider = sessionCookieFrom(accepted.headers['set-cookie']);

    const saved = await haven.as(provider).put('/api/provider/profile', aProviderProfile());
    expect(saved.statusCode).toBe(200);
    expect(saved.json().readiness.missing).toEqual([
      'Publish weekly hours for live sessions.',
      'Have at least one verified, unexpired license.',
    ]);

    for (const state of ['TX', 'NM']) {
      const added = await haven.as(provider).post('/api/provider/licences', {
        state,
        licenceType: 'LPC',
        number: `LPC-${state}-88231`,
        expiresOn: nextYear,
      });
      expect(added.statusCode).toBe(201);
    }
    const hours = await haven.as(provider).put('/api/provider/availability', {
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

    const notYet = await haven.as(haven.admin).post(`/api/admin/providers/${sent.providerId}/activate`);
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().error.message).toMatch(/verified, unexpired license/);

    const queue = await haven.as(haven.admin).get('/api/admin/licences?status=pending');
    const mine = queue.json().licences.filter((l: { providerId: string }) => l.providerId === sent.providerId);
    expect(mine).toHaveLength(2);
    for (const licence of mine) {
      const decided = await haven.as(haven.admin).post(`/api/admin/licences/${licence.id}/decision`, { decision: 'verify' });
      expect(decided.statusCode).toBe(200);
    }
    const twice = await haven.as(haven.admin).post(`/api/admin/licences/${mine[0].id}/decision`, {
      decision: 'reject',
      reason: 'changed my mind',
    });
    expect(twice.statusCode).toBe(409);

    const activated = await haven.as(haven.admin).post(`/api/admin/providers/${sent.providerId}/activate`);
    expect(activated.statusCode).toBe(200);
    expect(activated.json().profile.status).toBe('active');
    expect(activated.json().audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['provider.invited', 'provider.invite_accepted', 'licence.verified', 'provider.activated']),
    );

    const client = (await aSignedUpClient(haven)).cookie;
    const profile = await haven.as(client).get(`/api/providers/${sent.providerId}`);
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
    const slots = await haven.as(client).get(`/api/providers/${sent.providerId}/slots?from=${from}&to=${to}&length=50`);
    expect(slots.json().timeZone).toBe('America/Chicago');
    expect(slots.json().slots.length).toBe(8); // two 4-hour windows a week, 50 + 10 minutes each: 4 slots each

    expect((await verifiedAuditTrail(haven)).intact).toBe(true);
  });

  it('uses an invitation once; a second use, an unknown token or an expired one get a clear 410', async () => {
    const sent = await aProviderInvite(haven);
    const token = inviteTokenOf(sent.link);
    expect((await haven.signedOut.post(`/api/provider-invites/${token}/accept`, { password: 'first use works 8812' })).statusCode).toBe(
      201,
    );
    const again = await haven.signedOut.post(`/api/provider-invites/${token}/accept`, { password: 'second use fails 8812' });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.message).toMatch(/used or has expired/);
    expect((await haven.signedOut.get(`/api/provider-invites/${'x'.repeat(43)}`)).statusCode).toBe(410);

    const late = await aProviderInvite(haven);
    await haven.db
      .updateTable('provider_invites')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('provider_id', '=', late.providerId)
      .execute();
    expect(
      (await haven.signedOut.post(`/api/provider-invites/${inviteTokenOf(late.link)}/accept`, { password: 'too late for this 1' }))
        .statusCode,
    ).toBe(410);
  });

  it('keeps the invitation usable when the chosen password is too weak', async () => {
    const sent = await aProviderInvite(haven);
    const weak = await haven.signedOut.post(`/api/provider-invites/${inviteTokenOf(sent.link)}/accept`, { password: 'password1234' });
    expect(weak.statusCode).toBe(422);
    expect(
      (await haven.signedOut.post(`/api/provider-invites/${inviteTokenOf(sent.link)}/accept`, { password: 'better choice 4471 fern' }))
        .statusCode,
    ).toBe(201);
  });

  it('lets only admins invite, list and activate', async () => {
    const { cookie: provider, providerId } = await anInvitedProvider(haven);
    expect((await haven.as(provider).get('/api/admin/providers')).statusCode).toBe(403);
    expect((await haven.as(provider).get('/api/admin/outbox')).statusCode).toBe(403);
    expect((await haven.as(provider).post(`/api/admin/providers/${providerId}/activate`)).statusCode).toBe(403);
    expect((await haven.signedOut.get('/api/admin/providers')).statusCode).toBe(401);
    expect((await haven.as(haven.admin).get('/api/provider/workspace')).statusCode).toBe(403);
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
    const { cookie } = await anInvitedProvider(haven);
    const response = await haven.as(cookie).put('/api/provider/profile', aProviderProfile(change));
    expect(response.statusCode).toBe(400);
    const issue = response.json().error.issues.find((i: { field: string }) => i.field === field);
    expect(issue?.message).toMatch(message);
    expect((await haven.as(cookie).get('/api/provider/workspace')).json().profile.npi).toBeNull();
  });

  it('refuses an unknown state and a past expiry date for a licence', async () => {
    const { cookie } = await anInvitedProvider(haven);
    const unknown = await haven.as(cookie).post('/api/provider/licences', {
      state: 'XX',
      licenceType: 'LPC',
      number: 'LPC-1',
      expiresOn: nextYear,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0]).toMatchObject({ field: 'state', message: expect.stringMatching(/50 states or DC/) });
    const past = await haven.as(cookie).post('/api/provider/licences', {
      state: 'TX',
      licenceType: 'LPC',
      number: 'LPC-1',
      expiresOn: '2020-01-31',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.issues[0]).toMatchObject({ field: 'expiresOn', message: expect.stringMatching(/passed/) });
    expect((await haven.as(cookie).get('/api/provider/workspace')).json().licences).toEqual([]);
  });

  it('refuses overlapping live-session windows', async () => {
    const { cookie } = await anInvitedProvider(haven);
    await haven.as(cookie).put('/api/provider/profile', aProviderProfile());
    const response = await haven.as(cookie).put('/api/provider/availability', {
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
    const { cookie, providerId } = await anInvitedProvider(haven);
    const jpeg = await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#6a9' } })
      .jpeg()
      .withMetadata()
      .toBuffer();
    const put = (body: Buffer, type: string) => haven.as(cookie).put('/api/provider/photo', body, { 'content-type': type });
    const ok = await put(jpeg, 'image/jpeg');
    expect(ok.statusCode).toBe(200);
    const photo = await haven.as(cookie).get(ok.json().profile.photoUrl);
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
