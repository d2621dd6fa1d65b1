import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { CoverageKind, DirectPlan } from '@haven/contract';
import type { Db } from '../../platform/db/database.ts';
import type { CoveragesTable, InvoicesTable, LedgerEntriesTable, MessagingSessionsTable } from '../../platform/db/schema.ts';

export type CoverageRow = Selectable<CoveragesTable>;
export type LedgerRow = Selectable<LedgerEntriesTable>;
export type InvoiceRow = Selectable<InvoicesTable>;
export type MessagingSessionRow = Selectable<MessagingSessionsTable>;

// ── Plans and partners ─────────────────────────────────────────────────────────────────────

export function directPlans(db: Db) {
  return db.selectFrom('direct_plans').selectAll().orderBy('monthly_price_cents').execute();
}

export function directPlan(db: Db, plan: DirectPlan) {
  return db.selectFrom('direct_plans').selectAll().where('plan', '=', plan).executeTakeFirstOrThrow();
}

export async function updateDirectPlan(
  db: Db,
  plan: DirectPlan,
  changes: { monthly_price_cents: number; live_sessions_per_month: number },
): Promise<void> {
  await db.updateTable('direct_plans').set(changes).where('plan', '=', plan).execute();
}

export function eapCode(db: Db, code: string) {
  return db
    .selectFrom('eap_codes as c')
    .innerJoin('eap_partners as p', 'p.id', 'c.partner_id')
    .select(['c.code', 'c.active', 'p.id as partner_id', 'p.name', 'p.sessions_per_client', 'p.ends_on'])
    .where('c.code', '=', code)
    .executeTakeFirst();
}

export function healthPlan(db: Db, id: string) {
  return db.selectFrom('health_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export function healthPlans(db: Db) {
  return db.selectFrom('health_plans').selectAll().orderBy('name').execute();
}

export function eapPartners(db: Db) {
  return db.selectFrom('eap_partners').selectAll().orderBy('name').execute();
}

export function eapCodesWithEnrolment(db: Db) {
  return db
    .selectFrom('eap_codes as c')
    .leftJoin('coverages as v', 'v.eap_code', 'c.code')
    .select(['c.code', 'c.partner_id', 'c.active', sql<number>`count(v.id)::int`.as('enrolled')])
    .groupBy(['c.code', 'c.partner_id', 'c.active'])
    .orderBy('c.code')
    .execute();
}

export function healthPlanMembers(db: Db) {
  return db
    .selectFrom('coverages')
    .select(['health_plan_id', sql<number>`count(distinct client_id)::int`.as('members')])
    .where('health_plan_id', 'is not', null)
    .groupBy('health_plan_id')
    .execute();
}

// ── Coverage ───────────────────────────────────────────────────────────────────────────────

export function currentCoverage(db: Db, clientId: string): Promise<CoverageRow | undefined> {
  return db.selectFrom('coverages').selectAll().where('client_id', '=', clientId).where('ended_at', 'is', null).executeTakeFirst();
}

/** Locks the coverage row: every spend against it is serialised, so none can overdraw. */
export function lockCoverage(trx: Db, coverageId: string): Promise<CoverageRow | undefined> {
  return trx.selectFrom('coverages').selectAll().where('id', '=', coverageId).forUpdate().executeTakeFirst();
}

export function insertCoverage(trx: Db, row: Insertable<CoveragesTable>): Promise<CoverageRow> {
  return trx.insertInto('coverages').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function endCoverage(trx: Db, coverageId: string, at: Date): Promise<void> {
  await trx.updateTable('coverages').set({ ended_at: at }).where('id', '=', coverageId).where('ended_at', 'is', null).execute();
}

export async function updateCoverage(
  trx: Db,
  coverageId: string,
  changes: Partial<Pick<CoverageRow, 'plan' | 'paused' | 'pending_change' | 'pending_on'>>,
): Promise<void> {
  await trx.updateTable('coverages').set(changes).where('id', '=', coverageId).execute();
}

export function usedEapCodeBefore(db: Db, clientId: string, code: string) {
  return db
    .selectFrom('coverages')
    .select('id')
    .where('client_id', '=', clientId)
    .where('eap_code', '=', code)
    .executeTakeFirst()
    .then(Boolean);
}

export function activeDirectCoverages(db: Db) {
  return db.selectFrom('coverages').selectAll().where('kind', '=', 'direct').where('ended_at', 'is', null).execute();
}

export function activeEapCoverages(db: Db, endedBefore: string) {
  return db
    .selectFrom('coverages as v')
    .innerJoin('eap_codes as c', 'c.code', 'v.eap_code')
    .innerJoin('eap_partners as p', 'p.id', 'c.partner_id')
    .select(['v.id', 'v.client_id'])
    .where('v.ended_at', 'is', null)
    .where(sql<boolean>`p.ends_on < ${endedBefore}::date`)
    .execute();
}

/** The coverage kinds the client's current provider accepts, or null without a provider. */
export async function currentProviderCoverage(db: Db, clientId: string): Promise<string[] | null> {
  const row = await db
    .selectFrom('care_assignments as a')
    .innerJoin('providers as p', 'p.id', 'a.provider_id')
    .select('p.coverage')
    .where('a.client_id', '=', clientId)
    .where('a.ended_at', 'is', null)
    .executeTakeFirst();
  return row ? row.coverage : null;
}

export async function setClientCoverageKind(trx: Db, clientId: string, kind: CoverageKind): Promise<void> {
  await trx.updateTable('clients').set({ coverage: kind }).where('id', '=', clientId).execute();
}

// ── Ledger ─────────────────────────────────────────────────────────────────────────────────

/** The balance is the sum of the rows; nothing else stores it. `period` null = not monthly. */
export async function balance(db: Db, coverageId: string, period: string | null): Promise<number> {
  let query = db
    .selectFrom('ledger_entries')
    .select(sql<number>`coalesce(sum(amount), 0)::int`.as('n'))
    .where('coverage_id', '=', coverageId);
  query = period === null ? query.where('period', 'is', null) : query.where('period', '=', period);
  const { n } = await query.executeTakeFirstOrThrow();
  return Number(n);
}

export async function sumOf(db: Db, coverageId: string, kind: LedgerRow['kind']): Promise<{ amount: number; cost: number }> {
  const row = await db
    .selectFrom('ledger_entries')
    .select([sql<number>`coalesce(sum(amount), 0)::int`.as('amount'), sql<number>`coalesce(sum(cost_cents), 0)::int`.as('cost')])
    .where('coverage_id', '=', coverageId)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return { amount: Number(row.amount), cost: Number(row.cost) };
}

export function hasGrant(db: Db, coverageId: string, period: string): Promise<boolean> {
  return db
    .selectFrom('ledger_entries')
    .select('seq')
    .where('coverage_id', '=', coverageId)
    .where('kind', '=', 'grant')
    .where('period', '=', period)
    .executeTakeFirst()
    .then(Boolean);
}

export async function appendLedger(trx: Db, row: Insertable<LedgerEntriesTable>): Promise<void> {
  await trx.insertInto('ledger_entries').values(row).execute();
}

export function ledgerOfClient(db: Db, clientId: string, limit = 200): Promise<LedgerRow[]> {
  return db.selectFrom('ledger_entries').selectAll().where('client_id', '=', clientId).orderBy('seq', 'desc').limit(limit).execute();
}

export function reservationOf(db: Db, refId: string): Promise<LedgerRow | undefined> {
  return db.selectFrom('ledger_entries').selectAll().where('ref_id', '=', refId).where('kind', '=', 'reserve').executeTakeFirst();
}

// ── Invoices ───────────────────────────────────────────────────────────────────────────────

export function invoiceFor(db: Db, purpose: string): Promise<InvoiceRow | undefined> {
  return db.selectFrom('invoices').selectAll().where('purpose', '=', purpose).executeTakeFirst();
}

export function insertInvoice(trx: Db, row: Insertable<InvoicesTable>): Promise<InvoiceRow> {
  return trx.insertInto('invoices').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertCharge(
  trx: Db,
  row: { invoice_id: string; amount_cents: number; processor: string; processor_ref: string; succeeded: boolean },
): Promise<void> {
  await trx.insertInto('payment_charges').values(row).execute();
}

export function invoicesOf(db: Db, clientId: string): Promise<InvoiceRow[]> {
  return db.selectFrom('invoices').selectAll().where('client_id', '=', clientId).orderBy('issued_at', 'desc').limit(100).execute();
}

// ── Messaging sessions ─────────────────────────────────────────────────────────────────────

export function openMessagingSession(db: Db, clientId: string): Promise<MessagingSessionRow | undefined> {
  return db.selectFrom('messaging_sessions').selectAll().where('client_id', '=', clientId).where('status', '=', 'open').executeTakeFirst();
}

export function insertMessagingSession(trx: Db, row: Insertable<MessagingSessionsTable>): Promise<MessagingSessionRow> {
  return trx.insertInto('messaging_sessions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function completeMessagingSession(trx: Db, id: string, providerId: string, by: string, at: Date) {
  return trx
    .updateTable('messaging_sessions')
    .set({ status: 'completed', completed_at: at, completed_by: by })
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

export async function expireMessagingSessions(db: Db, now: Date): Promise<number> {
  const result = await db
    .updateTable('messaging_sessions')
    .set({ status: 'expired' })
    .where('status', '=', 'open')
    .where('closes_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function insertEapPartner(db: Db, row: { name: string; sessions_per_client: number; ends_on: string }) {
  return db.insertInto('eap_partners').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertEapCode(db: Db, partnerId: string, code: string): Promise<boolean> {
  const result = await db
    .insertInto('eap_codes')
    .values({ code, partner_id: partnerId })
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deactivateEapCode(db: Db, partnerId: string, code: string): Promise<boolean> {
  const result = await db
    .updateTable('eap_codes')
    .set({ active: false })
    .where('partner_id', '=', partnerId)
    .where('code', '=', code)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertHealthPlan(db: Db, row: { name: string; payer_id: string; session_rate_cents: number }): Promise<boolean> {
  const result = await db
    .insertInto('health_plans')
    .values(row)
    .onConflict((oc) => oc.column('payer_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function searchClients(db: Db, q: string | undefined) {
  let query = db
    .selectFrom('clients as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .leftJoin('coverages as v', (join) => join.onRef('v.client_id', '=', 'c.id').on('v.ended_at', 'is', null))
    .select(['c.id', 'u.preferred_name', 'u.email', 'c.state', 'v.kind'])
    .orderBy('u.preferred_name')
    .limit(100);
  if (q) {
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) => eb.or([eb(sql`lower(u.preferred_name)`, 'like', like), eb(sql`lower(u.email)`, 'like', like)]));
  }
  return query.execute();
}

export function clientIdentity(db: Db, clientId: string) {
  return db
    .selectFrom('clients as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'u.preferred_name', 'u.email'])
    .where('c.id', '=', clientId)
    .executeTakeFirst();
}
