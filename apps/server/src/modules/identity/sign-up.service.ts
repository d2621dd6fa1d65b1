// Sign-up that does not tell a registered address from a new one: both get the same answer, and
// the rest happens by email. A new address gets a one-time link that confirms it and signs the
// person in; a registered one gets a notice for its owner (through a domain event). The password is
// hashed on both paths, so the timing does not differ by that either.
import type { SignUpRequest } from '@haven/contract';
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashToken, newToken } from '../../platform/crypto/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';
import { AppError } from '../../platform/http/errors.ts';
import { catalogueFor } from '../notifications/catalogue.ts';
import { sendEmail } from '../notifications/notifications.service.ts';
import { claimAccountToken, insertAccountToken } from './account-tokens.repository.ts';
import { actorOf } from './identity.policy.ts';
import { findUserByEmail, insertUser, type UserRow } from './identity.repository.ts';
import { accountRow, personalWords, startLoginSession, type SessionPolicy, type SignedIn } from './identity.service.ts';
import { findUserById, markEmailVerified } from './login-sessions.repository.ts';
import { hashPassword, isStrongPassword } from './passwords.ts';

export const VERIFY_LINK_HOURS = 24;

type Links = { publicUrl: string };

/**
 * Creates an unverified client account and emails its confirmation link, or, when the address is
 * registered already, has its owner told. Returns nothing: the caller answers the same either way.
 */
export async function signUp(db: Db, links: Links, input: SignUpRequest, now = new Date()): Promise<void> {
  // The strength rules look only at what was sent, so refusing a weak password reveals nothing.
  if (!isStrongPassword(input.password, personalWords(input))) throw new AppError('weak_password');
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, accountRow({ ...input, role: 'client' }, passwordHash, null));
    if (user) {
      await sendVerificationLink(trx, links, user, now);
      await recordAudit(trx, { actor: actorOf(user), action: 'account.signed_up', subject: { type: 'user', id: user.id } });
      return;
    }
    // The address is taken (perhaps by a sign-up racing this one): its owner hears of it, no one else.
    const owner = await findUserByEmail(trx, input.email);
    if (owner) await recordEvent(trx, { type: 'account.sign_up_repeated', payload: { userId: owner.id } });
  });
}

/** Emails a fresh confirmation link; an older open one stops working. */
export async function sendVerificationLink(trx: Db, links: Links, user: UserRow, now: Date): Promise<void> {
  const token = newToken();
  await insertAccountToken(trx, {
    userId: user.id,
    purpose: 'email_verification',
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + VERIFY_LINK_HOURS * 3_600_000),
    now,
  });
  const link = `${links.publicUrl}/verify-email?token=${encodeURIComponent(token)}`;
  await sendEmail(trx, user.email, 'account.verify_email', catalogueFor().email.verifyEmail({ link, hours: VERIFY_LINK_HOURS }));
}

/**
 * The right password for an address not yet confirmed starts no session: a new link goes out and
 * the refusal says so. Call it only once the password has been checked.
 */
export async function refuseUnverified(db: Db, links: Links, user: UserRow, now = new Date()): Promise<void> {
  if (user.email_verified_at) return;
  await db.transaction().execute((trx) => sendVerificationLink(trx, links, user, now));
  throw new AppError('email_unverified');
}

/** Confirms the address behind a link and signs its owner in. */
export async function verifyEmail(
  db: Db,
  policy: SessionPolicy,
  token: string,
  now = new Date(),
  userAgent: string | null = null,
): Promise<SignedIn> {
  const user = await db.transaction().execute(async (trx) => {
    const userId = await claimAccountToken(trx, 'email_verification', hashToken(token), now);
    const found = userId && (await findUserById(trx, userId));
    // An address confirmed another way since (a reset link) makes the link void: the account may
    // have a second factor by now, which this link must not step around.
    if (!found || found.email_verified_at) {
      throw new AppError(
        'link_unusable',
        'This confirmation link has been used, replaced by a newer one, or has expired. Sign in with your email and password to get a new one.',
      );
    }
    await markEmailVerified(trx, found.id, now);
    await recordAudit(trx, { actor: actorOf(found), action: 'account.email_verified', subject: { type: 'user', id: found.id } });
    return found;
  });
  return { user: { ...user, email_verified_at: now }, token: await startLoginSession(db, policy, user.id, now, userAgent) };
}
