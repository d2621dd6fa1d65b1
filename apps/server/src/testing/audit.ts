import { chainAuditRows, verifyAuditChain, type AuditVerification } from '../platform/audit/chain.ts';
import type { Haven } from './harness.ts';

/** The audit trail as the worker leaves it: every committed row chained, then the whole chain verified. */
export async function verifiedAuditTrail(haven: Pick<Haven, 'app'>): Promise<AuditVerification> {
  const { db, auditKey, blobs } = haven.app.context;
  while ((await chainAuditRows(db, auditKey)) > 0);
  return verifyAuditChain(db, auditKey, blobs);
}
