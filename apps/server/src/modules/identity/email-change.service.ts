// A signed-in person moves their account to another address. Nothing changes until the link sent
// to the new address is used; the current address hears of the request at once. A new address that
// already has an account gets the same answer as a free one, and its owner a notice that names no one.
import type { EmailChangeRequest } from '@haven/contract';
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashToken, newToken } from '../../platform/crypto/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import type { LiveBus } from '../../platform/events/live-bus.ts';
import { AppError } from '../../platform/http/errors.ts';
import { catalogueFor } from '../notifications/catalogue.ts';
import { sendEmail } from '../notifications/notifications.service.ts';
import { claimEmailChangeToken, insertAccountToken } from './account-tokens.repository.ts';
import { actorOf } from './identity.policy.ts';
import { findUserByEmail, normalizeEmail, setUserEmail } from './identity.repository.ts';
import { endLoginSessionsExcept, findUserById } from './login-sessions.repository.ts';
import { announceSessionsEnded, type SignedInCaller } from './login-sessions.service.ts';
import { verifyPassword } from './passwords.ts';

export const EMAIL_CHANGE_LINK_HOURS = 24;

type Links = { publicUrl: string };

/** Asks for the change: proves the current password, then emails the new address and the current one. */
export async function requestEmailChange(
  db: Db,
  links: Links,
  caller: SignedInCaller,
  input: EmailChangeRequest,
  now = new Date(),
): Promise<void> {
  const { user } = caller;
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw AppError.invalid('currentPassword', 'That is not your current password. Check it and try again.');
  }
  if (normalizeEmail(input.newEmail) === user.email_normalized) {
    throw AppError.invalid('newEmail', 'That is already the email address of your account. Enter a different one.');
  }
  const words = catalogueFor().email;
  const newEmail = input.newEmail.trim();
  const taken = await findUserByEmail(db, newEmail);
  await db.transaction().execute(async (trx) => {
    if (taken) {
      await sendEmail(trx, taken.email, 'account.email_change_taken', words.emailChangeTaken({ signInLink: `${links.publicUrl}/sign-in` }));
    } else {
      const token = newToken();
      await insertAccountToken(trx, {
        userId: user.id,
        purpose: 'email_change',
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + EMAIL_CHANGE_LINK_HOURS * 3_600_000),
        now,
        newEmail,
      });
      const link = `${links.publicUrl}/confirm-email?token=${encodeURIComponent(token)}`;
      await sendEmail(trx, newEmail, 'account.email_change_confirm', words.emailChangeConfirm({ link, hours: EMAIL_CHANGE_LINK_HOURS }));
    }
    const resetLink = `${links.publicUrl}/forgot-password`;
    await sendEmail(trx, user.email, 'account.email_change_requested', words.emailChangeRequested({ newEmail, resetLink }));
    await recordAudit(trx, { actor: actorOf(user), action: 'account.email_change_requested', subject: { type: 'user', id: user.id } });
  });
}

/**
 * Makes the change a link asks for. Every other sign-in of the account ends; the one the link is
 * opened in stays when it is the same account's.
 */
export async function confirmEmailChange(
  db: Db,
  live: LiveBus,
  token: string,
  signedIn: SignedInCaller | null,
  now = new Date(),
): Promise<{ email: string; ended: number }> {
  const { email, ended } = await db.transaction().execute(async (trx) => {
    const change = await claimEmailChangeToken(trx, hashToken(token), now);
    const user = change && (await findUserById(trx, change.userId));
    if (!change || !user) {
      throw new AppError(
        'link_unusable',
        'This confirmation link has been used, replaced by a newer one, or has expired. Ask for the change again in Settings.',
      );
    }
    if (!(await setUserEmail(trx, user.id, change.newEmail, now))) {
      throw new AppError(
        'email_taken',
        'That address has been given to another Haven account since you asked. Choose another one in Settings.',
      );
    }
    const keep = signedIn?.user.id === user.id ? signedIn.loginSessionId : null;
    const ids = await endLoginSessionsExcept(trx, user.id, keep, now);
    await recordAudit(trx, {
      actor: actorOf(user),
      action: 'account.email_changed',
      subject: { type: 'user', id: user.id },
      detail: { sessionsEnded: ids.length },
    });
    return { email: change.newEmail, ended: ids };
  });
  await announceSessionsEnded(live, ended);
  return { email, ended: ended.length };
}
