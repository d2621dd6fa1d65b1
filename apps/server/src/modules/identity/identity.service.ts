import type { Role, SignInRequest, SignUpRequest } from '@haven/contract';
import type { Config } from '../../platform/config.ts';
import { hashToken, newToken } from '../../platform/crypto/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import type { LiveBus } from '../../platform/events/live-bus.ts';
import { AppError } from '../../platform/http/errors.ts';
import {
  endLoginSession,
  endLoginSessionsOf,
  eraseAccount,
  findActiveLoginSession,
  findUserByEmail,
  insertLoginSession,
  insertUser,
  isDeactivated,
  loginSessionIsActive,
  markClosed,
  normalizeEmail,
  touchLoginSession,
  type UserRow,
} from './identity.repository.ts';
import { hashPassword, isStrongPassword, verifyAgainstDecoy, verifyPassword } from './passwords.ts';

export type { UserRow } from './identity.repository.ts';
export type SessionPolicy = Config['session'];
export type SignedIn = { user: UserRow; token: string };
export type Authenticated = { user: UserRow; loginSessionId: string };

// Writing last-seen on every request would turn each read into a write; a minute of
// slack on a 30-minute idle timeout is harmless.
const TOUCH_INTERVAL_MS = 60_000;

type NewAccount = SignUpRequest & { role: Role };

/**
 * An account Haven makes itself — an admin, a provider whose invitation link reached them, a demo
 * account — counts as verified. A person signing themselves up goes through sign-up.service.ts
 * instead, and is verified only once the emailed link comes back.
 */
export async function createAccount(db: Db, account: NewAccount, now = new Date()): Promise<UserRow> {
  if (!isStrongPassword(account.password, personalWords(account))) throw new AppError('weak_password');
  const user = await insertUser(db, accountRow(account, await hashPassword(account.password), now));
  if (!user) throw new AppError('email_taken');
  return user;
}

/** The words a new password must not be built on: the person's own name and address. */
export function personalWords(account: { email: string; preferredName: string }): string[] {
  return [account.email, account.preferredName, ...account.email.split(/[@.]/)];
}

export function accountRow(account: NewAccount, passwordHash: string, verifiedAt: Date | null) {
  return {
    email: account.email.trim(),
    email_normalized: normalizeEmail(account.email),
    preferred_name: account.preferredName.trim(),
    role: account.role,
    password_hash: passwordHash,
    email_verified_at: verifiedAt,
  };
}

/** The account behind an email and password, or `invalid_credentials`; starts no session. */
export async function checkCredentials(db: Db, input: SignInRequest): Promise<UserRow> {
  const user = await findUserByEmail(db, input.email);
  const valid = user ? await verifyPassword(user.password_hash, input.password) : await verifyAgainstDecoy(input.password);
  // A deactivated account gets the wrong-password answer, so the refusal reveals nothing.
  if (!user || !valid || (await isDeactivated(db, user.id))) throw new AppError('invalid_credentials');
  return user;
}

export async function signIn(
  db: Db,
  policy: SessionPolicy,
  input: SignInRequest,
  now = new Date(),
  userAgent: string | null = null,
): Promise<SignedIn> {
  const user = await checkCredentials(db, input);
  return { user, token: await startLoginSession(db, policy, user.id, now, userAgent) };
}

/** Ends the session behind the token, and closes the live sockets it opened, on every instance. */
export async function signOut(db: Db, live: LiveBus, token: string, now = new Date()): Promise<void> {
  const sessionId = await endLoginSession(db, hashToken(token), now);
  if (sessionId) await live.publish(loginSessionChannel(sessionId), ACCESS_ENDED);
}

/** Ends every session of an account, in the caller's transaction; announce it with `announceAccountEnded` after commit. */
export async function endAccountSessions(db: Db, userId: string, now = new Date()): Promise<void> {
  await endLoginSessionsOf(db, userId, now);
}

/** Closes every live socket of an account whose access has ended, on every instance. */
export async function announceAccountEnded(live: LiveBus, userId: string): Promise<void> {
  await live.publish(accountChannel(userId), ACCESS_ENDED);
}

/** Live-bus channels a socket listens on to learn that its sign-in has ended. */
export const loginSessionChannel = (sessionId: string) => `login-session:${sessionId}`;
export const accountChannel = (userId: string) => `account:${userId}`;
const ACCESS_ENDED = 'ended';

/** Whether a sign-in session still holds: not ended, expired, idle, or its account deactivated. */
export function loginSessionHolds(db: Db, policy: SessionPolicy, sessionId: string, now = new Date()): Promise<boolean> {
  return loginSessionIsActive(db, sessionId, new Date(now.getTime() - policy.idleMs), now);
}

/** The account and session behind a session token, or null when it is unknown, ended, idle, expired or deactivated. */
export async function authenticate(db: Db, policy: SessionPolicy, token: string, now = new Date()): Promise<Authenticated | null> {
  const idleSince = new Date(now.getTime() - policy.idleMs);
  const session = await findActiveLoginSession(db, hashToken(token), idleSince, now);
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchLoginSession(db, session.sessionId, now);
  }
  return { user: session.user, loginSessionId: session.sessionId };
}

/** Starts a sign-in session for an account that has just proven who it is. */
export async function startLoginSession(
  db: Db,
  policy: SessionPolicy,
  userId: string,
  now: Date,
  userAgent: string | null = null,
): Promise<string> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  await insertLoginSession(db, { userId, tokenHash: hashToken(token), startedAt: now, expiresAt, userAgent });
  return token;
}

/** Creates the configured admin once; an existing account is left as it is. */
export async function ensureAdmin(db: Db, admin: { email: string; password: string }): Promise<'created' | 'exists'> {
  if (await findUserByEmail(db, admin.email)) return 'exists';
  await createAccount(db, { email: admin.email, password: admin.password, preferredName: 'Administrator', role: 'admin' });
  return 'created';
}

export function findAccountByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return findUserByEmail(db, email);
}

/** Where operations notices go; `except` leaves one operator out (the one who acted). */
export async function adminEmails(db: Db, options: { except?: string } = {}): Promise<string[]> {
  let query = db.selectFrom('users').select('email').where('role', '=', 'admin');
  if (options.except) query = query.where('id', '<>', options.except);
  const rows = await query.execute();
  return rows.map((r) => r.email);
}

export { presentMe as presentAccount } from './identity.presenter.ts';

/** Closes an account in the caller's transaction; announce it with `announceAccountEnded` after commit. */
export async function closeAccountOf(db: Db, userId: string, now: Date): Promise<void> {
  await markClosed(db, userId, now);
}

/** Leaves a closed account no name, address or usable password (after its retention period). */
export async function eraseClosedAccount(db: Db, userId: string): Promise<void> {
  await eraseAccount(db, userId);
}
