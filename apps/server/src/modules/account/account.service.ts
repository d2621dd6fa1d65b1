// Settings → Your details (PRODUCT §3): what Haven calls a person, and the time zone it writes
// their times in. The name is the account's; the time zone lives with the role that uses it.
import type { AccountDetails, AccountDetailsUpdate } from '@haven/contract';
import type { Caller } from '../../caller.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { clientOf, setClientTimeZone } from '../care/care.service.ts';
import type { UserRow } from '../identity/identity.service.ts';
import { providerOf } from '../providers/providers.service.ts';

async function timeZoneOf(db: Db, user: UserRow): Promise<string | null> {
  if (user.role === 'client') return (await clientOf(db, user.id)).time_zone;
  if (user.role === 'provider') return (await providerOf(db, user)).time_zone;
  return null;
}

const timeZoneSetIn = (user: UserRow): AccountDetails['timeZoneSetIn'] =>
  user.role === 'client' ? 'settings' : user.role === 'provider' ? 'profile' : 'none';

export async function detailsOf({ db, user }: Caller): Promise<AccountDetails> {
  const fresh = await db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
  return { preferredName: fresh.preferred_name, timeZone: await timeZoneOf(db, fresh), timeZoneSetIn: timeZoneSetIn(fresh) };
}

export async function updateDetails(caller: Caller, update: AccountDetailsUpdate): Promise<AccountDetails> {
  const { db, user, actor } = caller;
  if (update.timeZone !== undefined && user.role !== 'client') {
    throw new AppError(
      'validation_failed',
      user.role === 'provider'
        ? 'Change your time zone in your profile: your hours are kept in it.'
        : 'An operator account has no time zone to set.',
      [{ field: 'timeZone', message: 'Not set here for this account.' }],
    );
  }
  await db.transaction().execute(async (trx) => {
    if (update.preferredName !== undefined) {
      await trx.updateTable('users').set({ preferred_name: update.preferredName }).where('id', '=', user.id).execute();
    }
    if (update.timeZone !== undefined) await setClientTimeZone(trx, user.id, update.timeZone);
    await recordAudit(trx, {
      actor,
      action: 'account.details_changed',
      subject: { type: 'user', id: user.id },
      detail: { fields: Object.keys(update) },
    });
  });
  return detailsOf(caller);
}
