// The operations console's side of coverage: EAP organisations and their codes, health plans, the
// direct plans' prices and allowances, and any client's ledger.
import type { ClientLedger, ClientList, DirectPlan, EapPartner, PlanCatalogue, Partners } from '@haven/contract';
import type { SystemCaller } from '../../caller.ts';
import { recordAudit, recordRead } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as repo from './coverage.repository.ts';
import { coverageState } from './coverage-state.service.ts';
import { coverageOptions } from './coverage.service.ts';

const partnerSubject = (id: string) => ({ type: 'partner', id });
/** An operator or Haven itself (the demo seeding): the partner writes need only the database and whom to audit. */
type Writer = Pick<SystemCaller, 'db' | 'actor'>;

export async function listPartners(db: Db): Promise<Partners> {
  const [partners, codes, plans, members] = await Promise.all([
    repo.eapPartners(db),
    repo.eapCodesWithEnrolment(db),
    repo.healthPlans(db),
    repo.healthPlanMembers(db),
  ]);
  return {
    eap: partners.map((p) => ({
      id: p.id,
      name: p.name,
      sessionsPerClient: p.sessions_per_client,
      endsOn: p.ends_on,
      codes: codes.filter((c) => c.partner_id === p.id).map((c) => ({ code: c.code, active: c.active, enrolled: Number(c.enrolled) })),
    })),
    healthPlans: plans.map((h) => ({
      id: h.id,
      name: h.name,
      payerId: h.payer_id,
      sessionRateCents: h.session_rate_cents,
      members: Number(members.find((m) => m.health_plan_id === h.id)?.members ?? 0),
    })),
  };
}

async function partner(db: Db, id: string): Promise<EapPartner> {
  const found = (await listPartners(db)).eap.find((p) => p.id === id);
  if (!found) throw new AppError('not_found', 'There is no organisation with that id.');
  return found;
}

export async function createEapPartner(
  { db, actor }: Writer,
  input: { name: string; sessionsPerClient: number; endsOn: string },
): Promise<EapPartner> {
  const { id } = await db.transaction().execute(async (trx) => {
    const row = await repo.insertEapPartner(trx, { name: input.name, sessions_per_client: input.sessionsPerClient, ends_on: input.endsOn });
    await recordAudit(trx, { actor, action: 'partner.created', subject: partnerSubject(row.id), detail: { ...input } });
    return row;
  });
  return partner(db, id);
}

export async function addEapCode({ db, actor }: Writer, partnerId: string, code: string): Promise<EapPartner> {
  await partner(db, partnerId);
  await db.transaction().execute(async (trx) => {
    if (!(await repo.insertEapCode(trx, partnerId, code)))
      throw new AppError('conflict', `The code ${code} is already in use. Choose another.`);
    await recordAudit(trx, { actor, action: 'partner.code_added', subject: partnerSubject(partnerId), detail: { code } });
  });
  return partner(db, partnerId);
}

export async function deactivateEapCode({ db, actor }: Writer, partnerId: string, code: string): Promise<EapPartner> {
  await db.transaction().execute(async (trx) => {
    if (!(await repo.deactivateEapCode(trx, partnerId, code)))
      throw new AppError('not_found', 'That code does not belong to this organisation.');
    await recordAudit(trx, { actor, action: 'partner.code_deactivated', subject: partnerSubject(partnerId), detail: { code } });
  });
  return partner(db, partnerId);
}

export async function createHealthPlan(
  { db, actor }: Writer,
  input: { name: string; payerId: string; sessionRateCents: number },
): Promise<Partners> {
  await db.transaction().execute(async (trx) => {
    if (!(await repo.insertHealthPlan(trx, { name: input.name, payer_id: input.payerId, session_rate_cents: input.sessionRateCents }))) {
      throw new AppError('conflict', `A health plan with payer ID ${input.payerId} already exists.`);
    }
    await recordAudit(trx, { actor, action: 'health_plan.created', subject: partnerSubject(input.payerId), detail: { ...input } });
  });
  return listPartners(db);
}

export async function planCatalogue(db: Db): Promise<PlanCatalogue> {
  return { plans: (await coverageOptions(db)).plans };
}

export async function updatePlan(
  { db, actor }: Writer,
  plan: DirectPlan,
  change: { monthlyPriceCents: number; liveSessionsPerMonth: number },
): Promise<PlanCatalogue> {
  await db.transaction().execute(async (trx) => {
    await repo.updateDirectPlan(trx, plan, {
      monthly_price_cents: change.monthlyPriceCents,
      live_sessions_per_month: change.liveSessionsPerMonth,
    });
    await recordAudit(trx, { actor, action: 'plan.updated', subject: { type: 'plan', id: plan }, detail: { ...change } });
  });
  return planCatalogue(db);
}

export async function listClients(db: Db, q: string | undefined): Promise<ClientList> {
  const rows = await repo.searchClients(db, q);
  return { clients: rows.map((r) => ({ clientId: r.id, name: r.preferred_name, email: r.email, state: r.state, coverage: r.kind })) };
}

export async function clientLedger({ db, deps, actor, now }: SystemCaller, clientId: string): Promise<ClientLedger> {
  const client = await repo.clientIdentity(db, clientId);
  if (!client) throw new AppError('not_found', 'There is no client with that id.');
  await recordRead(db, actor, 'ledger.read', { clients: [clientId] });
  return { clientId, name: client.preferred_name, email: client.email, state: await coverageState(db, deps.eligibility, clientId, now) };
}
