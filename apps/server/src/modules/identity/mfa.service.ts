import type { Caller } from '../../caller.ts';
// Two-step sign-in (TOTP, RFC 6238): enrolment, the second step of sign-in, recovery codes, and the
// operator's reset. The secret is sealed under the account's data key; recovery codes and the
// pending sign-in's token are kept only as SHA-256 hashes.
import type { MfaStatus, Role } from '@haven/contract';
import { RECOVERY_CODE_COUNT } from '@haven/contract';
import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Actor } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Sealer } from '../../platform/crypto/envelope.ts';
import { hashToken, newToken } from '../../platform/crypto/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { UserRow } from './identity.repository.ts';
import { endLoginSessionsOf } from './identity.repository.ts';
import { verifyPassword } from './passwords.ts';

const PERIOD_SECONDS = 30;
/** One step either side: a phone clock a little off still works. */
const TOLERANCE_SECONDS = 30;
/** Wrong codes before a pending sign-in ends and the password must be given again. */
export const MAX_CODE_ATTEMPTS = 5;
export const CHALLENGE_MS = 5 * 60_000;
const ISSUER = 'Haven';

const secretContext = (userId: string) => ({ table: 'mfa_factors', row: userId, field: 'secret' });
const actorOf = (user: UserRow): Actor => ({ id: user.id, label: `${user.preferred_name} (${user.role})` });
const subjectOf = (userId: string) => ({ type: 'user', id: userId });

/** Providers and admins read clients' records: two-step sign-in is not optional for them. */
export const mfaRequiredFor = (role: Role, required: boolean) => required && role !== 'client';

function findFactor(db: Db, userId: string) {
  return db.selectFrom('mfa_factors').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function mfaEnabled(db: Db, userId: string): Promise<boolean> {
  return (await findFactor(db, userId))?.status === 'enabled';
}

export async function mfaStatus(db: Db, user: UserRow, required: boolean): Promise<MfaStatus> {
  const factor = await findFactor(db, user.id);
  const left = await db
    .selectFrom('mfa_recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', user.id)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { enabled: factor?.status === 'enabled', required: mfaRequiredFor(user.role, required), recoveryCodesLeft: Number(left.n) };
}

/** A fresh secret, pending until a code from it is confirmed; starting again replaces a pending one. */
export async function startEnrolment(db: Db, sealer: Sealer, user: UserRow) {
  if (await mfaEnabled(db, user.id))
    throw new AppError('conflict', 'Two-step sign-in is already on. Turn it off first to set up a new device.');
  const secret = generateSecret();
  const secretSealed = await sealer.seal(user.id, secret, secretContext(user.id));
  await db
    .insertInto('mfa_factors')
    .values({ user_id: user.id, secret_sealed: secretSealed, status: 'pending' })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ secret_sealed: secretSealed, status: 'pending', last_used_step: null, created_at: new Date() }),
    )
    .execute();
  const otpauthUri = generateURI({ issuer: ISSUER, label: user.email, secret });
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrSvg };
}

/** The time step of `code` if it is current for `secret` and newer than the last one used, else null. */
async function acceptedStep(secret: string, code: string, lastUsedStep: string | number | null, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: TOLERANCE_SECONDS });
  if (!result.valid) return null;
  const step = Math.floor(epoch / PERIOD_SECONDS) + result.delta;
  // A code is good once: the same code (or an older one) cannot be played again.
  if (lastUsedStep !== null && step <= Number(lastUsedStep)) return null;
  return step;
}

const normaliseRecoveryCode = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();
const hashRecoveryCode = (code: string) => createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');

function newRecoveryCode(): string {
  // 80 random bits as 20 hex digits, grouped for reading aloud or typing.
  return (randomBytes(10).toString('hex').match(/.{5}/g) ?? []).join('-');
}

async function replaceRecoveryCodes(trx: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
  await trx
    .insertInto('mfa_recovery_codes')
    .values(codes.map((code) => ({ user_id: userId, code_hash: hashRecoveryCode(code) })))
    .execute();
  return codes;
}

/** Turns two-step sign-in on once a code from the new secret is given; answers the recovery codes, once. */
export async function confirmEnrolment(db: Db, sealer: Sealer, user: UserRow, code: string, now = new Date()): Promise<string[]> {
  const factor = await findFactor(db, user.id);
  if (!factor || factor.status !== 'pending') {
    throw new AppError('conflict', 'There is no set-up in progress. Start setting up two-step sign-in again.');
  }
  const secret = await sealer.open(user.id, factor.secret_sealed, secretContext(user.id));
  const step = await acceptedStep(secret, code, null, now);
  if (step === null) {
    throw new AppError('invalid_mfa_code', 'That code does not match. Check the time on your phone and enter the current 6-digit code.');
  }
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('mfa_factors')
      .set({ status: 'enabled', enabled_at: now, last_used_step: String(step) })
      .where('user_id', '=', user.id)
      .execute();
    const codes = await replaceRecoveryCodes(trx, user.id);
    await recordAudit(trx, { actor: actorOf(user), action: 'mfa.enrolled', subject: subjectOf(user.id) });
    return codes;
  });
}

type CodeCheck = { kind: 'totp' | 'recovery' } | null;

/** Checks a TOTP or recovery code against an enabled factor and uses it up; null when it is wrong or spent. */
async function useCode(trx: Db, sealer: Sealer, userId: string, code: string, now: Date): Promise<CodeCheck> {
  const factor = await trx.selectFrom('mfa_factors').selectAll().where('user_id', '=', userId).forUpdate().executeTakeFirst();
  if (!factor || factor.status !== 'enabled') return null;
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const secret = await sealer.open(userId, factor.secret_sealed, secretContext(userId));
    const step = await acceptedStep(secret, trimmed, factor.last_used_step, now);
    if (step === null) return null;
    await trx
      .updateTable('mfa_factors')
      .set({ last_used_step: String(step) })
      .where('user_id', '=', userId)
      .execute();
    return { kind: 'totp' };
  }
  const used = await trx
    .updateTable('mfa_recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashRecoveryCode(trimmed))
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return used ? { kind: 'recovery' } : null;
}

async function auditCode(trx: Db, user: UserRow, check: CodeCheck, during: string): Promise<void> {
  if (!check)
    await recordAudit(trx, {
      actor: actorOf(user),
      action: 'mfa.code_failed',
      subject: subjectOf(user.id),
      outcome: 'denied',
      detail: { during },
    });
  else if (check.kind === 'recovery') {
    await recordAudit(trx, { actor: actorOf(user), action: 'mfa.recovery_code_used', subject: subjectOf(user.id), detail: { during } });
  }
}

/** Uses a code for an account action (turning off, new recovery codes); a wrong one is audited and refused. */
async function requireCode(db: Db, sealer: Sealer, user: UserRow, code: string, during: string, now: Date): Promise<void> {
  const check = await db.transaction().execute(async (trx) => {
    const result = await useCode(trx, sealer, user.id, code, now);
    await auditCode(trx, user, result, during);
    return result;
  });
  if (!check) throw new AppError('invalid_mfa_code');
}

export async function disableMfa(db: Db, sealer: Sealer, user: UserRow, input: { password: string; code: string }, now = new Date()) {
  if (!(await mfaEnabled(db, user.id))) throw new AppError('conflict', 'Two-step sign-in is already off.');
  if (!(await verifyPassword(user.password_hash, input.password))) {
    throw AppError.invalid('password', 'That password is not right. Enter the password you sign in with.');
  }
  await requireCode(db, sealer, user, input.code, 'disable', now);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('mfa_factors').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', user.id).execute();
    await recordAudit(trx, { actor: actorOf(user), action: 'mfa.disabled', subject: subjectOf(user.id) });
  });
}

export async function regenerateRecoveryCodes(db: Db, sealer: Sealer, user: UserRow, code: string, now = new Date()): Promise<string[]> {
  if (!(await mfaEnabled(db, user.id))) throw new AppError('conflict', 'Turn on two-step sign-in first.');
  await requireCode(db, sealer, user, code, 'recovery_codes', now);
  return db.transaction().execute(async (trx) => {
    const codes = await replaceRecoveryCodes(trx, user.id);
    await recordAudit(trx, { actor: actorOf(user), action: 'mfa.recovery_codes_replaced', subject: subjectOf(user.id) });
    return codes;
  });
}

/** A password was right for an account with two-step sign-in: a short-lived challenge for its code. */
export async function startChallenge(db: Db, userId: string, now = new Date()): Promise<string> {
  const token = newToken();
  await db
    .insertInto('mfa_challenges')
    .values({ user_id: userId, token_hash: hashToken(token), expires_at: new Date(now.getTime() + CHALLENGE_MS) })
    .execute();
  return token;
}

/**
 * The second step: a right code ends the challenge and answers the account to sign in; a wrong one
 * counts, and the fifth ends the challenge so the password must be given again.
 */
export async function completeChallenge(db: Db, sealer: Sealer, token: string, code: string, now = new Date()): Promise<UserRow> {
  type Outcome = { user: UserRow } | { error: 'mfa_challenge_ended' | 'invalid_mfa_code' };
  const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    const challenge = await trx
      .selectFrom('mfa_challenges')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .where('ended_at', 'is', null)
      .where('expires_at', '>', now)
      .forUpdate()
      .executeTakeFirst();
    if (!challenge) return { error: 'mfa_challenge_ended' as const };
    const user = await trx.selectFrom('users').selectAll().where('id', '=', challenge.user_id).executeTakeFirstOrThrow();
    const check = await useCode(trx, sealer, user.id, code, now);
    await auditCode(trx, user, check, 'sign_in');
    if (!check) {
      const attempts = challenge.failed_attempts + 1;
      await trx
        .updateTable('mfa_challenges')
        .set({ failed_attempts: attempts, ended_at: attempts >= MAX_CODE_ATTEMPTS ? now : null })
        .where('id', '=', challenge.id)
        .execute();
      return { error: attempts >= MAX_CODE_ATTEMPTS ? ('mfa_challenge_ended' as const) : ('invalid_mfa_code' as const) };
    }
    await trx.updateTable('mfa_challenges').set({ ended_at: now }).where('id', '=', challenge.id).execute();
    return { user };
  });
  if ('error' in outcome) throw new AppError(outcome.error);
  return outcome.user;
}

/**
 * An operator turns off someone's two-step sign-in (a lost device and no recovery code), with a
 * recorded reason: audited, every session of theirs ended, and the person told by email.
 */
export async function resetMfa({ db, actor, now }: Caller, userId: string, reason: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['id']).where('id', '=', userId).executeTakeFirst();
    if (!user) throw new AppError('not_found', 'There is no account with that id.');
    const removed = await trx.deleteFrom('mfa_factors').where('user_id', '=', userId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new AppError('conflict', 'This account has no two-step sign-in to reset.');
    await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
    await endLoginSessionsOf(trx, userId, now);
    await recordAudit(trx, { actor, action: 'mfa.reset', subject: subjectOf(userId), reason });
    await recordEvent(trx, { type: 'account.mfa_reset', payload: { userId } });
  });
}
