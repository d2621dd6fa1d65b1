import type { Role, SignInRequest, SignUpRequest } from '@haven/contract';
import type { Config } from '../../platform/config.ts';
import { hashToken, newToken } from '../../platform/crypto/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import {
  endLoginSession,
  findActiveLoginSession,
  findUserByEmail,
  insertLoginSession,
  insertUser,
  normalizeEmail,
  touchLoginSession,
  type UserRow,
} from './identity.repository.ts';
import { hashPassword, isStrongPassword, verifyAgainstDecoy, verifyPassword } from './passwords.ts';

export type { UserRow } from './identity.repository.ts';
export type SessionPolicy = Config['session'];
export type SignedIn = { user: UserRow; token: string };

// Writing last-seen on every request would turn each read into a write; a minute of
// slack on a 30-minute idle timeout is harmless.
const TOUCH_INTERVAL_MS = 60_000;

type NewAccount = SignUpRequest & { role: Role };

export async function createAccount(db: Db, account: NewAccount): Promise<UserRow> {
  const personal = [account.email, account.preferredName, ...account.email.split(/[@.]/)];
  if (!isStrongPassword(account.password, personal)) throw new AppError('weak_password');
  const user = await insertUser(db, {
    email: account.email.trim(),
    email_normalized: normalizeEmail(account.email),
    preferred_name: account.preferredName.trim(),
    role: account.role,
    password_hash: await hashPassword(account.password),
  });
  if (!user) throw new AppError('email_taken');
  return user;
}

/** A new client account, signed in. */
export async function signUp(db: Db, policy: SessionPolicy, input: SignUpRequest, now = new Date()): Promise<SignedIn> {
  const user = await createAccount(db, { ...input, role: 'client' });
  return { user, token: await startLoginSession(db, policy, user.id, now) };
}

export async function signIn(db: Db, policy: SessionPolicy, input: SignInRequest, now = new Date()): Promise<SignedIn> {
  const user = await findUserByEmail(db, input.email);
  const valid = user ? await verifyPassword(user.password_hash, input.password) : await verifyAgainstDecoy(input.password);
  if (!user || !valid) throw new AppError('invalid_credentials');
  return { user, token: await startLoginSession(db, policy, user.id, now) };
}

export async function signOut(db: Db, token: string, now = new Date()): Promise<void> {
  await endLoginSession(db, hashToken(token), now);
}

/** The account behind a session token, or null when it is unknown, ended, idle or expired. */
export async function authenticate(db: Db, policy: SessionPolicy, token: string, now = new Date()): Promise<UserRow | null> {
  const idleSince = new Date(now.getTime() - policy.idleMs);
  const session = await findActiveLoginSession(db, hashToken(token), idleSince, now);
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchLoginSession(db, session.sessionId, now);
  }
  return session.user;
}

/** Starts a sign-in session for an account that has just proven who it is. */
export async function startLoginSession(db: Db, policy: SessionPolicy, userId: string, now: Date): Promise<string> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  await insertLoginSession(db, { userId, tokenHash: hashToken(token), startedAt: now, expiresAt });
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

/** Where operations notices go. */
export async function adminEmails(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('users').select('email').where('role', '=', 'admin').execute();
  return rows.map((r) => r.email);
}

export { presentMe as presentAccount } from './identity.presenter.ts';
