import type { AppContext } from '../../app-context.ts';
import { chainAuditRows, recordVerification, verifyAuditChain, type AuditVerification } from '../../platform/audit/chain.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';

/**
 * Links what is committed, walks the whole chain and its checkpoints, keeps the result for the
 * console, and tells the operators at once when something does not verify. Run daily by the
 * worker, from the console, and by `npm run audit:verify`.
 */
export async function verifyAuditTrail(context: Pick<AppContext, 'db' | 'auditKey' | 'blobs'>): Promise<AuditVerification> {
  const { db, auditKey, blobs } = context;
  while ((await chainAuditRows(db, auditKey)) > 0);
  const verification = await verifyAuditChain(db, auditKey, blobs);
  await db.transaction().execute(async (trx) => {
    await recordVerification(trx, verification);
    if (!verification.intact) {
      await recordEvent(trx, {
        type: 'audit.verification_failed',
        payload: { problem: verification.problem ?? 'The audit trail does not verify.', firstBroken: verification.firstBroken },
      });
    }
  });
  return verification;
}

export type LastVerification = AuditVerification & { at: Date };

export async function lastVerification(db: AppContext['db']): Promise<LastVerification | null> {
  const row = await db.selectFrom('audit_verifications').selectAll().orderBy('at', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return {
    at: row.at,
    intact: row.intact,
    chained: Number(row.chained),
    unchained: Number(row.unchained),
    checkpoints: row.checkpoints,
    firstBroken: row.first_broken === null ? null : String(row.first_broken),
    problem: row.problem,
  };
}
