import type { FocusArea, Gender, LanguageCode, Modality, UsStateCode } from '@haven/contract';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createAccount } from '../modules/identity/identity.service.ts';
import type { Db } from '../platform/db/database.ts';
import { aSignUp } from './factories.ts';
import type { Haven } from './harness.ts';
import { sessionCookieFrom, signIn, type TestApp } from './test-app.ts';

export type TestProvider = {
  firstName?: string;
  lastName?: string;
  states?: UsStateCode[];
  languages?: LanguageCode[];
  capacity?: number;
  focusAreas?: FocusArea[];
  modalities?: Modality[];
  gender?: Gender;
  status?: 'active' | 'inactive';
  /** Weekly hours in America/Chicago; every weekday 09:00–17:00 by default. */
  weekly?: Array<{ weekday: number; start: string; end: string }>;
  minNoticeHours?: number;
};

/** An active provider with verified licences, written straight to the database. */
export async function insertProvider(db: Db, provider: TestProvider = {}): Promise<{ id: string; name: string }> {
  const suffix = randomBytes(3).toString('hex');
  const firstName = provider.firstName ?? 'Rosa';
  const lastName = provider.lastName ?? `Test-${suffix}`;
  const weekly = provider.weekly ?? [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  const row = await db
    .insertInto('providers')
    .values({
      email: `${firstName}.${suffix}@clinic.example`.toLowerCase(),
      status: provider.status ?? 'active',
      first_name: firstName,
      last_name: lastName,
      gender: provider.gender ?? 'woman',
      credentials: ['LPC'],
      years_experience: 8,
      npi: '1234567893',
      focus_areas: provider.focusAreas ?? ['anxiety', 'depression'],
      approaches: ['cbt'],
      languages: provider.languages ?? ['en'],
      approach_statement: 'Practical, warm and collaborative.',
      time_zone: 'America/Chicago',
      capacity: provider.capacity ?? 10,
      modalities: provider.modalities ?? ['messaging', 'video'],
      coverage: ['direct', 'eap', 'health_plan'],
      weekly_availability: JSON.stringify(weekly),
      business_hours: JSON.stringify(weekly),
      min_notice_hours: provider.minNoticeHours ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const state of provider.states ?? ['TX']) {
    await db
      .insertInto('licences')
      .values({
        provider_id: row.id,
        state,
        licence_type: 'LPC',
        number: `L-${suffix}-${state}`,
        expires_on: '2099-12-31',
        status: 'verified',
      })
      .execute();
  }
  return { id: row.id, name: `${firstName} ${lastName}` };
}

/** Gives a provider written by insertProvider an account, and returns what signs in to it. */
export async function giveProviderAccount(db: Db, providerId: string): Promise<{ email: string; password: string }> {
  const suffix = randomBytes(4).toString('hex');
  const account = {
    email: `provider.${suffix}@clinic.example`,
    password: `amber meadow ${randomBytes(3).toString('hex')} kettle`,
    preferredName: 'Provider',
  };
  const user = await createAccount(db, { ...account, role: 'provider' });
  await db.updateTable('providers').set({ user_id: user.id }).where('id', '=', providerId).execute();
  return { email: account.email, password: account.password };
}

/** Gives a provider written by insertProvider an account, and returns its session cookie. */
export async function signInAsProvider(app: TestApp, providerId: string): Promise<string> {
  return signIn(app, await giveProviderAccount(app.context.db, providerId));
}

/** An active provider (see insertProvider) with an account, signed in. */
export async function aProvider(
  haven: Haven,
  provider: TestProvider = {},
): Promise<{ id: string; name: string; cookie: string; userId: string }> {
  const inserted = await insertProvider(haven.db, provider);
  const cookie = await signInAsProvider(haven.app, inserted.id);
  const row = await haven.db.selectFrom('providers').select('user_id').where('id', '=', inserted.id).executeTakeFirstOrThrow();
  return { ...inserted, cookie, userId: row.user_id! };
}

/** An admin's invitation to a new provider (with useTestApp({ admin: true })). */
export async function aProviderInvite(
  haven: Haven,
  names: { firstName: string; lastName: string } = { firstName: 'Marisol', lastName: 'Ortega' },
): Promise<{ providerId: string; link: string; email: string }> {
  const response = await haven.as(haven.admin).post('/api/admin/provider-invites', { email: aSignUp().email, ...names });
  expect(response.statusCode).toBe(201);
  return response.json<{ providerId: string; link: string; email: string }>();
}

/** The token at the end of an invitation link. */
export const inviteTokenOf = (link: string): string => new URL(link).pathname.split('/').pop()!;

/** A provider who has accepted an invitation: onboarding, signed in, no profile yet. */
export async function anInvitedProvider(
  haven: Haven,
  names?: { firstName: string; lastName: string },
): Promise<{ providerId: string; link: string; email: string; cookie: string }> {
  const sent = await aProviderInvite(haven, names);
  const accepted = await haven.signedOut.post(`/api/provider-invites/${inviteTokenOf(sent.link)}/accept`, {
    password: 'clinic lantern 2291 moss',
  });
  expect(accepted.statusCode).toBe(201);
  return { ...sent, cookie: sessionCookieFrom(accepted.headers['set-cookie']) };
}
