// Getting back in and staying in control: forgot password, change password. The emails that carry
// a one-time link are queued straight to the outbox in the writer's transaction, so the token is
// never in the event log; notices without a link go through domain events.
import type { PasswordChangeRequest, PasswordResetCompletion } from '@haven/contract';
import { recordAudit, systemActor } from '../../platform/audit/audit.ts';
import { hashToken, newToken } from '../../platform/crypto/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';
import type { LiveBus } from '../../platform/events/live-bus.ts';
import { AppError } from '../../platform/http/errors.ts';
import { catalogueFor } from '../notifications/catalogue.ts';
import { sendEmail } from '../notifications/notifications.service.ts';
import { claimAccountToken, insertAccountToken } from './account-tokens.repository.ts';
import { actorOf } from './identity.policy.ts';
import { findUserByEmail, isDeactivated, type UserRow } from './identity.repository.ts';
import { endLoginSessionsExcept, findUserById, markEmailVerified, setPasswordHash } from './login-sessions.repository.ts';
import { announceSessionsEnded, type SignedInCaller } from './login-sessions.service.ts';
import { hashPassword, isStrongPassword, verifyPassword } from './passwords.ts';

export const RESET_LINK_MINUTES = 30;

type Links = { publicUrl: string };

/** The words a password must not be built on: the person's own name and address. */
export function personalWords(user: { email: string; preferred_name: string }): string[] {
  return [user.email, user.preferred_name, ...user.email.split(/[@.]/)];
}

async function newPasswordHash(user: UserRow, password: string): Promise<string> {
  if (!isStrongPassword(password, personalWords(user))) throw new AppError('weak_password');
  return hashPassword(password);
}

/**
 * Emails a reset link when the address has an account; does nothing otherwise. The caller answers
 * the same either way, so the answer reveals nothing.
 */
export async function requestPasswordReset(db: Db, links: Links, email: string, now = new Date()): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user || (await isDeactivated(db, user.id))) return;
  const token = newToken();
  await db.transaction().execute(async (trx) => {
    await insertAccountToken(trx, {
      userId: user.id,
      purpose: 'password_reset',
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
      now,
    });
    const link = `${links.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await sendEmail(trx, user.email, 'account.password_reset', catalogueFor().email.passwordReset({ link, minutes: RESET_LINK_MINUTES }));
    await recordAudit(trx, { actor: systemActor, action: 'account.password_reset_requested', subject: { type: 'user', id: user.id } });
  });
}

/**
 * Sets a new password from a reset link and ends every sign-in of the account. It signs no one
 * in: the person signs in afresh, through every check sign-in makes (a second factor included).
 */
export async function completePasswordReset(db: Db, live: LiveBus, input: PasswordResetCompletion, now = new Date()): Promise<void> {
  const ended = await db.transaction().execute(async (trx) => {
    const userId = await claimAccountToken(trx, 'password_reset', hashToken(input.token), now);
    const user = userId && (await findUserById(trx, userId));
    if (!user)
      throw new AppError('link_unusable', 'This reset link has been used, replaced by a newer one, or has expired. Ask for a new one.');
    await setPasswordHash(trx, user.id, await newPasswordHash(user, input.password), now);
    // The link reached this address's inbox: the address is theirs.
    await markEmailVerified(trx, user.id, now);
    const ids = await endLoginSessionsExcept(trx, user.id, null, now);
    await recordEvent(trx, { type: 'account.password_changed', payload: { userId: user.id, how: 'reset' } });
    await recordAudit(trx, {
      actor: actorOf(user),
      action: 'account.password_reset_completed',
      subject: { type: 'user', id: user.id },
      detail: { sessionsEnded: ids.length },
    });
    return ids;
  });
  await announceSessionsEnded(live, ended);
}

/** A signed-in person sets a new password, proving the current one; their other sessions end. */
export async function changePassword(
  db: Db,
  live: LiveBus,
  caller: SignedInCaller,
  input: PasswordChangeRequest,
  now = new Date(),
): Promise<number> {
  const { user } = caller;
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw AppError.invalid('currentPassword', 'That is not your current password. Check it and try again.');
  }
  if (input.currentPassword === input.newPassword) {
    throw AppError.invalid('newPassword', 'Choose a new password that differs from the current one.');
  }
  const passwordHash = await newPasswordHash(user, input.newPassword);
  const ended = await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, user.id, passwordHash, now);
    const ids = await endLoginSessionsExcept(trx, user.id, caller.loginSessionId, now);
    await recordEvent(trx, { type: 'account.password_changed', payload: { userId: user.id, how: 'change' } });
    await recordAudit(trx, {
      actor: actorOf(user),
      action: 'account.password_changed',
      subject: { type: 'user', id: user.id },
      detail: { sessionsEnded: ids.length },
    });
    return ids;
  });
  await announceSessionsEnded(live, ended);
  return ended.length;
}
