import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  AvailabilityExceptionsTable,
  LicencesTable,
  ProviderInvitesTable,
  ProvidersTable,
  TimeOffTable,
} from '../../platform/db/schema.ts';

export type ProviderRow = Selectable<ProvidersTable>;
export type LicenceRow = Selectable<LicencesTable>;
export type ExceptionRow = Selectable<AvailabilityExceptionsTable>;
export type TimeOffRow = Selectable<TimeOffTable>;
export type InviteRow = Selectable<ProviderInvitesTable>;

export function findProvider(db: Db, id: string): Promise<ProviderRow | undefined> {
  return db.selectFrom('providers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether the account has confirmed an authenticator (two-step sign-in is on). */
export async function hasTwoStep(db: Db, userId: string): Promise<boolean> {
  const factor = await db
    .selectFrom('mfa_factors')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('status', '=', 'enabled')
    .executeTakeFirst();
  return factor !== undefined;
}

export function findProviderByUser(db: Db, userId: string): Promise<ProviderRow | undefined> {
  return db.selectFrom('providers').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export function findProviderByEmail(db: Db, email: string): Promise<ProviderRow | undefined> {
  return db
    .selectFrom('providers')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/** Locks the provider row for the rest of the transaction. */
export function lockProvider(trx: Db, id: string): Promise<ProviderRow | undefined> {
  return trx.selectFrom('providers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertProvider(db: Db, provider: Insertable<ProvidersTable>): Promise<ProviderRow> {
  return db.insertInto('providers').values(provider).returningAll().executeTakeFirstOrThrow();
}

export function insertProviders(db: Db, providers: Insertable<ProvidersTable>[]): Promise<Array<{ id: string; email: string }>> {
  return db.insertInto('providers').values(providers).returning(['id', 'email']).execute();
}

export async function insertLicences(db: Db, licences: Insertable<LicencesTable>[]): Promise<void> {
  if (licences.length) await db.insertInto('licences').values(licences).execute();
}

export async function updateProvider(db: Db, id: string, changes: Updateable<ProvidersTable>): Promise<void> {
  await db
    .updateTable('providers')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function licencesOf(db: Db, providerId: string): Promise<LicenceRow[]> {
  return db.selectFrom('licences').selectAll().where('provider_id', '=', providerId).orderBy('state').orderBy('created_at').execute();
}

export function findLicence(db: Db, id: string): Promise<LicenceRow | undefined> {
  return db.selectFrom('licences').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertLicence(db: Db, licence: Insertable<LicencesTable>): Promise<LicenceRow> {
  return db.insertInto('licences').values(licence).returningAll().executeTakeFirstOrThrow();
}

export async function deleteLicence(db: Db, id: string): Promise<void> {
  await db.deleteFrom('licences').where('id', '=', id).execute();
}

/** Decides a pending licence; undefined when it was no longer pending. */
export function decideLicence(db: Db, id: string, changes: Updateable<LicencesTable>): Promise<LicenceRow | undefined> {
  return db.updateTable('licences').set(changes).where('id', '=', id).where('status', '=', 'pending').returningAll().executeTakeFirst();
}

export function exceptionsOf(db: Db, providerId: string): Promise<ExceptionRow[]> {
  return db.selectFrom('availability_exceptions').selectAll().where('provider_id', '=', providerId).orderBy('on_date').execute();
}

export async function replaceExceptions(db: Db, providerId: string, rows: Insertable<AvailabilityExceptionsTable>[]): Promise<void> {
  await db.deleteFrom('availability_exceptions').where('provider_id', '=', providerId).execute();
  if (rows.length) await db.insertInto('availability_exceptions').values(rows).execute();
}

export function timeOffOf(db: Db, providerId: string, endingAfter?: Date): Promise<TimeOffRow[]> {
  let query = db.selectFrom('time_off').selectAll().where('provider_id', '=', providerId);
  if (endingAfter) query = query.where('ends_at', '>', endingAfter);
  return query.orderBy('starts_at').execute();
}

export async function insertTimeOff(db: Db, row: Insertable<TimeOffTable>): Promise<void> {
  await db.insertInto('time_off').values(row).execute();
}

export async function deleteTimeOff(db: Db, providerId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('time_off').where('id', '=', id).where('provider_id', '=', providerId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function insertInvite(db: Db, invite: Insertable<ProviderInvitesTable>): Promise<InviteRow> {
  return db.insertInto('provider_invites').values(invite).returningAll().executeTakeFirstOrThrow();
}

export async function retireOpenInvites(db: Db, providerId: string, now: Date): Promise<void> {
  await db
    .updateTable('provider_invites')
    .set({ expires_at: now })
    .where('provider_id', '=', providerId)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
}

export function findUsableInvite(db: Db, tokenHash: string, now: Date): Promise<InviteRow | undefined> {
  return db
    .selectFrom('provider_invites')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks an invite used; undefined when another request used it first or it expired. */
export function claimInvite(trx: Db, tokenHash: string, now: Date): Promise<InviteRow | undefined> {
  return trx
    .updateTable('provider_invites')
    .set({ accepted_at: now })
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
}
