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
  const owners = await ownersOf(db, records);
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
        client_user_id: r.client ?? owners.get(r.subject.id) ?? null,
        outcome: r.outcome ?? 'allowed',
        reason: r.reason ?? null,
        detail: JSON.stringify(r.detail ?? {}),
      })),
    )
    .execute();
}

/** The client's user id for rows about a client (`subject` a client's id) that did not name it. */
async function ownersOf(db: Db, records: AuditRecord[]): Promise<Map<string, string>> {
  const ids = [...new Set(records.filter((r) => r.client === undefined && r.subject.type === 'client').map((r) => r.subject.id))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('clients').select(['id', 'user_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.user_id]));
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

/** Whose records a read showed, by client id, room id or the clients' own user ids. */
export type Whose = { clients?: readonly string[]; rooms?: readonly string[]; users?: readonly (string | null)[] };

/**
 * Records a read of health data: one row per client whose record it showed (a read that showed
 * nobody's, say an empty caseload, still leaves one row). Await it before answering, so that no
 * read is served without its durable row.
 */
export async function recordRead(db: Db, actor: Actor, action: string, whose: Whose, detail: Record<string, unknown> = {}): Promise<void> {
  const users = [...new Set((whose.users ?? []).filter((id): id is string => id !== null))];
  const clients = [...new Set(whose.clients ?? [])];
  const rooms = [...new Set(whose.rooms ?? [])];
  // Each client's id (the rows' subject, as writes name it) and user id ("Who saw my record").
  const owners = new Map<string, string>();
  const add = (rows: Array<{ id: string; user_id: string }>) => rows.forEach((row) => owners.set(row.id, row.user_id));
  if (clients.length > 0) add(await db.selectFrom('clients').select(['id', 'user_id']).where('id', 'in', clients).execute());
  if (users.length > 0) add(await db.selectFrom('clients').select(['id', 'user_id']).where('user_id', 'in', users).execute());
  if (rooms.length > 0) {
    const rows = await db
      .selectFrom('rooms')
      .innerJoin('clients', 'clients.id', 'rooms.client_id')
      .select(['clients.id', 'clients.user_id'])
      .where('rooms.id', 'in', rooms)
      .execute();
    add(rows);
  }
  const rows: AuditRecord[] = [...owners].map(([client, user]) => ({
    actor,
    action,
    subject: { type: 'client', id: client },
    client: user,
    detail,
  }));
  // A client with no clinical record yet is named by their account.
  const known = new Set(owners.values());
  for (const user of users.filter((id) => !known.has(id)))
    rows.push({ actor, action, subject: { type: 'user', id: user }, client: user, detail });
  await recordAudit(db, rows.length > 0 ? rows : [{ actor, action, subject: { type: 'none', id: '-' }, detail }]);
}
