import type { Db } from '../db/database.ts';
import type { AuditOutcome } from '../db/schema/columns.ts';

/** Who acted, as the audit trail names them, and the address the request came from. */
export type Actor = { id: string | null; label: string; ip?: string | null };
export const systemActor: Actor = { id: null, label: 'Haven (automatic)' };

export type AuditRecord = {
  actor: Actor;
  action: string;
  subject: { type: string; id: string };
  /** Whose health record the action touched: the client's user id ("Who saw my record"). */
  client?: string | null;
  /** A refused attempt is recorded as `denied`. */
  outcome?: AuditOutcome;
  reason?: string | null;
  detail?: Record<string, unknown>;
};

/**
 * Appends to the audit trail: one insert that waits on no other writer. Call it inside the
 * transaction that makes the change, so the change and its record commit together or not at all;
 * for a read, await it before answering, so no read is served without its durable row.
 * The background chainer (chain.ts) links committed rows into the keyed, tamper-evident chain.
 */
export async function recordAudit(db: Db, record: AuditRecord | AuditRecord[]): Promise<void> {
  const records = Array.isArray(record) ? record : [record];
  if (records.length === 0) return;
  const at = new Date().toISOString();
  await db
    .insertInto('audit_events')
    .values(
      records.map((r) => ({
        at,
        actor_id: r.actor.id,
        actor_label: r.actor.label,
        ip: r.actor.ip ?? null,
        action: r.action,
        subject_type: r.subject.type,
        subject_id: r.subject.id,
        client_user_id: r.client ?? null,
        outcome: r.outcome ?? 'allowed',
        reason: r.reason ?? null,
        detail: JSON.stringify(r.detail ?? {}),
      })),
    )
    .execute();
}

export type AuditTrailEntry = { seq: string; at: Date; actor: string; action: string; reason: string | null };

export async function auditTrailFor(db: Db, subject: { type: string; id: string }, limit = 100): Promise<AuditTrailEntry[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['seq', 'at', 'actor_label', 'action', 'reason'])
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ seq: String(r.seq), at: r.at, actor: r.actor_label, action: r.action, reason: r.reason }));
}
