import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export type Actor = { id: string | null; label: string };
export const systemActor: Actor = { id: null, label: 'Haven (automatic)' };

export type AuditRecord = {
  actor: Actor;
  action: string;
  subject: { type: string; id: string };
  reason?: string | null;
  detail?: Record<string, unknown>;
};

const GENESIS = '0'.repeat(64);
// Arbitrary constant shared by every writer: appends are serialised so the chain has one order.
const AUDIT_LOCK = 7_240_402;

/**
 * Appends to the tamper-evident audit trail. Call it inside the transaction that makes
 * the change, so the change and its record commit together or not at all.
 */
export async function recordAudit(trx: Db, record: AuditRecord): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_events').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const row = {
    at: new Date().toISOString(),
    actor_id: record.actor.id,
    actor_label: record.actor.label,
    action: record.action,
    subject_type: record.subject.type,
    subject_id: record.subject.id,
    reason: record.reason ?? null,
    detail: canonicalJson(record.detail ?? {}),
    prev_hash: last?.hash ?? GENESIS,
  };
  await trx
    .insertInto('audit_events')
    .values({ ...row, hash: chainHash(row) })
    .execute();
}

type ChainFields = {
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string;
  reason: string | null;
  detail: string;
  prev_hash: string;
};

/** JSON with object keys sorted: jsonb reorders keys, and the hash must not care. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function chainHash(row: ChainFields): string {
  const fields = [
    row.at,
    row.actor_id,
    row.actor_label,
    row.action,
    row.subject_type,
    row.subject_id,
    row.reason,
    row.detail,
    row.prev_hash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Walks the whole chain; returns the first broken sequence number, or null when intact. */
export async function findBrokenAuditLink(db: Db): Promise<string | null> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
  let previous = GENESIS;
  for (const row of rows) {
    const fields: ChainFields = {
      at: row.at.toISOString(),
      actor_id: row.actor_id,
      actor_label: row.actor_label,
      action: row.action,
      subject_type: row.subject_type,
      subject_id: row.subject_id,
      reason: row.reason,
      detail: canonicalJson(row.detail),
      prev_hash: row.prev_hash,
    };
    if (row.prev_hash !== previous || chainHash(fields) !== row.hash) return String(row.seq);
    previous = row.hash;
  }
  return null;
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
