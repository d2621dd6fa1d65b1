import type { CareState, IntakeAnswers, SignUpRequest } from '@haven/contract';
import { expect } from 'vitest';
import { createAccount } from '../modules/identity/identity.service.ts';
import type { Db } from '../platform/db/database.ts';
import { aSignUp, anIntake } from './factories.ts';
import type { Haven } from './harness.ts';
import { emailedToken } from './mailbox.ts';
import { sessionCookieFrom } from './test-app.ts';

/** A client signed up through the API, their address confirmed from the emailed link, and signed in. */
export async function aSignedUpClient(
  haven: Haven,
  overrides: Partial<SignUpRequest> = {},
): Promise<{ cookie: string; userId: string; signUp: SignUpRequest }> {
  const signUp = aSignUp(overrides);
  const response = await haven.signedOut.post('/api/auth/sign-up', signUp);
  expect(response.statusCode, response.body).toBe(202);
  return { ...(await verifyEmailedLink(haven, signUp.email)), signUp };
}

/** Opens the last confirmation link emailed to an address: the session it starts, and its account. */
export async function verifyEmailedLink(haven: Haven, email: string): Promise<{ cookie: string; userId: string }> {
  const token = await emailedToken(haven.db, email, '/verify-email');
  const verified = await haven.signedOut.post('/api/auth/verify-email', { token });
  expect(verified.statusCode, verified.body).toBe(200);
  const cookie = sessionCookieFrom(verified.headers['set-cookie']);
  return { cookie, userId: verified.json<{ user: { id: string } }>().user.id };
}

/** Saves a whole intake and submits it (with a first live session when one is chosen), failing the test unless both succeed. */
export async function submitIntake(haven: Haven, cookie: string, intake: IntakeAnswers, firstSession?: unknown): Promise<CareState> {
  const saved = await haven.as(cookie).put('/api/intake', { step: 'consent', answers: intake });
  expect(saved.statusCode, saved.body).toBe(200);
  const submitted = await haven.as(cookie).post('/api/intake/submit', firstSession === undefined ? {} : { firstSession });
  expect(submitted.statusCode, submitted.body).toBe(201);
  return submitted.json<CareState>();
}

/**
 * A client who signs up and submits `intake` (anIntake with these overrides), matched at once with
 * `expectProvider` when one is named. Insert the provider first: matching happens on submitting.
 */
export async function aMatchedClient(
  haven: Haven,
  intake: Partial<IntakeAnswers> = {},
  options: { expectProvider?: string; signUp?: Partial<SignUpRequest> } = {},
): Promise<{ cookie: string; userId: string; signUp: SignUpRequest; care: CareState; roomId: string }> {
  const client = await aSignedUpClient(haven, options.signUp);
  const care = await submitIntake(haven, client.cookie, anIntake(intake));
  if (options.expectProvider) expect(care.current?.provider.id).toBe(options.expectProvider);
  return { ...client, care, roomId: care.roomId! };
}

/** A client account with a room, written straight to the database (no intake, no match). */
export async function insertClient(
  db: Db,
  options: { preferredName?: string; timeZone?: string; discreet?: boolean } = {},
): Promise<{ id: string; userId: string; roomId: string; email: string; password: string }> {
  const signUp = aSignUp({ preferredName: options.preferredName ?? 'Jordan' });
  const user = await createAccount(db, { ...signUp, role: 'client' });
  if (options.discreet) await db.updateTable('users').set({ discreet_notifications: true }).where('id', '=', user.id).execute();
  const client = await db
    .insertInto('clients')
    .values({ user_id: user.id, time_zone: options.timeZone ?? 'America/New_York' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const room = await db.insertInto('rooms').values({ client_id: client.id }).returning('id').executeTakeFirstOrThrow();
  return { id: client.id, userId: user.id, roomId: room.id, email: signUp.email, password: signUp.password };
}
