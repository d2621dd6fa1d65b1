// Closing an account, and destroying a closed record once its retention period is over.
//
// Closing ends access at once: every sign-in session ends (and its live sockets close on every
// instance), upcoming sessions are cancelled the way the client would cancel them (the provider
// is told), care with the provider ends, the queue forgets the client and coverage stops renewing.
// The clinical record stays, sealed, for HAVEN_RETENTION_YEARS after the last contact — closing
// is the last — as health records law asks. Then the `records.shred` job destroys the client's
// data key, which makes everything sealed for them unreadable everywhere (crypto-shredding), and
// erases what is kept in clear: name and address, bell, emails, pending links, safety flags,
// matching preferences and session locations. The audit trail is append-only and keeps its rows
// (their actor labels name the person); backups keep the key until they expire.
import type { CloseAccountRequest } from '@haven/contract';
import type { AppContext } from '../../app-context.ts';
import type { Caller } from '../../caller.ts';
import { recordAudit, systemActor } from '../../platform/audit/audit.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';
import { AppError } from '../../platform/http/errors.ts';
import { clientOf, clientsDueForShredding, endCareOnClosure, eraseClearCareData, markShredded } from '../care/care.service.ts';
import { endCoverageOnClosure } from '../coverage/coverage.service.ts';
import { announceAccountEnded, closeAccountOf, eraseClosedAccount } from '../identity/identity.service.ts';
import { verifyPassword } from '../identity/passwords.ts';
import { sessionsOf } from '../sessions/booking.service.ts';
import { forgetClientLocations } from '../sessions/record.service.ts';
import { cancel } from '../sessions/changes.service.ts';

/** The retention period's end for a record whose last contact is `lastContact`. */
export function retainUntil(lastContact: Date, years: number): Date {
  const end = new Date(lastContact);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return end;
}

export async function closeAccount(caller: Caller, request: CloseAccountRequest): Promise<{ retainUntil: Date }> {
  const { db, deps, user, actor, now } = caller;
  if (user.role !== 'client') throw new AppError('forbidden', 'Only a client can close their own account; ask an operator.');
  if (!(await verifyPassword(user.password_hash, request.currentPassword))) {
    throw AppError.invalid('currentPassword', 'That is not your current password. Check it and try again.');
  }
  const client = await clientOf(db, user.id);
  // Cancelled as the client would cancel them, so that each provider hears of it.
  const { upcoming } = await sessionsOf(caller);
  for (const session of upcoming.filter((s) => ['requested', 'booked'].includes(s.status) && new Date(s.startsAt) > now)) {
    await cancel(caller, session.id, { reason: 'The client closed their Haven account.' });
  }
  const until = retainUntil(now, deps.config.retentionYears);
  await db.transaction().execute(async (trx) => {
    await closeAccountOf(trx, user.id, now);
    await endCareOnClosure(trx, client.id, now, until);
    await endCoverageOnClosure(trx, client.id, now);
    await recordAudit(trx, {
      actor,
      action: 'account.closed',
      subject: { type: 'client', id: client.id },
      client: user.id,
      detail: { retainUntil: until.toISOString() },
    });
    await recordEvent(trx, { type: 'account.closed', payload: { userId: user.id, retainUntil: until.toISOString() } });
  });
  await announceAccountEnded(deps.live, user.id);
  return { retainUntil: until };
}

/** The `records.shred` job: destroys the records of closed accounts past their retention period. */
export async function shredDueRecords(context: Pick<AppContext, 'db' | 'sealer'>, now = new Date()): Promise<number> {
  const { db, sealer } = context;
  const due = await clientsDueForShredding(db, now);
  for (const client of due) {
    await sealer.destroy(client.id);
    await db.transaction().execute(async (trx) => {
      await eraseClosedAccount(trx, client.user_id);
      await eraseClearCareData(trx, client.id);
      await forgetClientLocations(trx, client.id);
      await markShredded(trx, client.id, now);
      await recordAudit(trx, {
        actor: systemActor,
        action: 'record.shredded',
        subject: { type: 'client', id: client.id },
        client: client.user_id,
      });
    });
  }
  return due.length;
}
