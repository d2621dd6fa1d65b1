// Settings → Your details: a person's name, and the time zone Haven writes their times in.
import type { AccountDetails } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import { aMatchedClient, aSignedUpClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';

const haven = useTestApp({ admin: true });
const details = async (cookie: string) => (await haven.as(cookie).get('/api/account/details')).json<AccountDetails>();

describe('your details', () => {
  it('a client changes their name and time zone; the name is what Haven calls them everywhere', async () => {
    const client = await aMatchedClient(haven, { state: 'TX', timeZone: 'America/Chicago' });
    expect(await details(client.cookie)).toMatchObject({ timeZone: 'America/Chicago', timeZoneSetIn: 'settings' });

    const changed = await haven.as(client.cookie).put('/api/account/details', { preferredName: '  Sam  ', timeZone: 'America/Denver' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ preferredName: 'Sam', timeZone: 'America/Denver', timeZoneSetIn: 'settings' });
    expect((await haven.as(client.cookie).get('/api/me')).json()).toMatchObject({ user: { preferredName: 'Sam' } });
    const audit = await haven.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('subject_id', '=', client.userId)
      .execute();
    expect(audit).toContainEqual({ action: 'account.details_changed', actor_id: client.userId });
  });

  it('refuses what cannot be stored, with a message per field', async () => {
    const { cookie } = await aSignedUpClient(haven);
    const nowhere = await haven.as(cookie).put('/api/account/details', { timeZone: 'Mars/Olympus' });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error.issues).toContainEqual({ field: 'timeZone', message: 'Use a time zone name like America/Chicago.' });
    expect((await haven.as(cookie).put('/api/account/details', { preferredName: '' })).statusCode).toBe(400);
    expect((await haven.as(cookie).put('/api/account/details', {})).statusCode).toBe(400);
    expect((await haven.as(cookie).put('/api/account/details', { role: 'admin' })).statusCode).toBe(400);
    expect((await haven.signedOut.put('/api/account/details', { preferredName: 'Eve' })).statusCode).toBe(401);
  });

  it("a provider's time zone is their profile's, read here and changed there", async () => {
    const provider = await insertProvider(haven.db, { states: ['TX'] });
    const cookie = await signInAsProvider(haven.app, provider.id);
    const mine = await details(cookie);
    expect(mine.timeZoneSetIn).toBe('profile');
    const refused = await haven.as(cookie).put('/api/account/details', { timeZone: 'America/Denver' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/in your profile/);
    expect((await haven.as(cookie).put('/api/account/details', { preferredName: 'Dr. Rivera' })).json()).toMatchObject({
      preferredName: 'Dr. Rivera',
    });
    expect(await details(haven.admin)).toMatchObject({ timeZone: null, timeZoneSetIn: 'none' });
  });
});
