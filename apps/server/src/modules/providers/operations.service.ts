import type { LicenceDecision, LicenceQueue, ProviderListQuery, ProviderRecord } from '@haven/contract';
import type { Caller } from '../../caller.ts';
import { auditTrailFor, recordAudit, systemActor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';
import { AppError } from '../../platform/http/errors.ts';
import { endAccountSessions } from '../identity/identity.service.ts';
import { presentLicence } from './providers.presenter.ts';
import * as repo from './providers.repository.ts';
import { todayUtc, workspaceOf } from './providers.service.ts';
import { missingForActivation } from './readiness.ts';
import { expireLapsedLicences, pendingLicences, searchProviders } from './operations.repository.ts';

const providerSubject = (id: string) => ({ type: 'provider', id });

export async function providerRecord(db: Db, providerId: string, now = new Date()): Promise<ProviderRecord> {
  const provider = await repo.findProvider(db, providerId);
  if (!provider) throw new AppError('not_found', 'There is no provider with that id.');
  const [workspace, audit, twoStep] = await Promise.all([
    workspaceOf(db, provider, now),
    auditTrailFor(db, providerSubject(providerId)),
    provider.user_id ? repo.hasTwoStep(db, provider.user_id) : false,
  ]);
  return {
    ...workspace,
    statusReason: provider.status_reason,
    account: provider.user_id ? { userId: provider.user_id, twoStep } : null,
    audit: audit.map((a) => ({ id: a.seq, at: a.at.toISOString(), actor: a.actor, action: a.action, reason: a.reason })),
  };
}

export async function listProviders(db: Db, query: ProviderListQuery, now = new Date()) {
  return searchProviders(db, query, todayUtc(now));
}

export async function licenceQueue(db: Db): Promise<LicenceQueue> {
  const rows = await pendingLicences(db);
  return {
    licences: rows.map(({ provider_name, ...licence }) => ({
      ...presentLicence(licence),
      providerId: licence.provider_id,
      providerName: provider_name,
    })),
  };
}

export async function decideLicence({ db, actor: admin, now }: Caller, licenceId: string, decision: LicenceDecision): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const licence = await repo.findLicence(trx, licenceId);
    if (!licence) throw new AppError('not_found', 'There is no license with that id.');
    if (decision.decision === 'verify' && licence.expires_on < todayUtc(now)) {
      throw new AppError('conflict', 'This license has already expired; ask the provider to add the renewed one.');
    }
    const decided = await repo.decideLicence(trx, licenceId, {
      status: decision.decision === 'verify' ? 'verified' : 'rejected',
      decided_by: admin.id,
      decided_at: now,
      rejection_reason: decision.decision === 'reject' ? decision.reason : null,
    });
    if (!decided) throw new AppError('conflict', 'This license was already decided. Reload to see its status.');
    await recordAudit(trx, {
      actor: admin,
      action: decision.decision === 'verify' ? 'licence.verified' : 'licence.rejected',
      subject: providerSubject(licence.provider_id),
      reason: decision.decision === 'reject' ? decision.reason : null,
      detail: { licenceId, state: licence.state, number: licence.number },
    });
    return licence.provider_id;
  });
}

export async function activateProvider({ db, actor: admin, now }: Caller, providerId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const provider = await repo.lockProvider(trx, providerId);
    if (!provider) throw new AppError('not_found', 'There is no provider with that id.');
    if (provider.status === 'active') return;
    const missing = missingForActivation(provider, await repo.licencesOf(trx, providerId), todayUtc(now));
    if (missing.length) throw new AppError('provider_not_ready', `This provider cannot be activated yet: ${missing.join(' ')}`);
    await repo.updateProvider(trx, providerId, { status: 'active', status_reason: null });
    await recordAudit(trx, { actor: admin, action: 'provider.activated', subject: providerSubject(providerId) });
    await recordEvent(trx, { type: 'provider.activated', payload: { providerId } });
  });
}

/**
 * Takes a provider out of matching and ends their sign-in sessions (they cannot sign in again until
 * reactivated); the `provider.deactivated` event lets matching re-home their clients. Returns the
 * provider's account, whose open sockets the caller closes once this has committed.
 */
export async function deactivateProvider({ db, actor: admin }: Caller, providerId: string, reason: string): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const provider = await repo.lockProvider(trx, providerId);
    if (!provider) throw new AppError('not_found', 'There is no provider with that id.');
    if (provider.status === 'inactive') return provider.user_id;
    await repo.updateProvider(trx, providerId, { status: 'inactive', status_reason: reason });
    if (provider.user_id) await endAccountSessions(trx, provider.user_id);
    await recordAudit(trx, { actor: admin, action: 'provider.deactivated', subject: providerSubject(providerId), reason });
    await recordEvent(trx, { type: 'provider.deactivated', payload: { providerId, reason } });
    return provider.user_id;
  });
}

/**
 * The nightly sweep: a licence past its expiry date stops counting, and operators get
 * one email listing what lapsed. Safe to run any number of times a day.
 */
export async function expireLicences(db: Db, today = todayUtc()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const lapsed = await expireLapsedLicences(trx, today);
    for (const licence of lapsed) {
      await recordAudit(trx, {
        actor: systemActor,
        action: 'licence.expired',
        subject: providerSubject(licence.provider_id),
        detail: { licenceId: licence.id, state: licence.state, expiresOn: licence.expires_on },
      });
    }
    if (lapsed.length) {
      const licences = lapsed.map((l) => ({
        providerId: l.provider_id,
        providerName: l.provider_name,
        licenceId: l.id,
        licenceType: l.licence_type,
        number: l.number,
        state: l.state,
        expiresOn: l.expires_on,
      }));
      await recordEvent(trx, { type: 'licences.expired', payload: { licences } });
    }
    return lapsed.length;
  });
}
