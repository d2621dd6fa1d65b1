// The audit trail as people read it: operators search it and see its last verification; a client
// sees who opened their record. Reading the trail is itself recorded.
import type { AuditSearchQuery, AuditSearchResult, AuditStatus, RecordAccess, RecordAccessList, RecordPart } from '@haven/contract';
import type { Caller } from '../../caller.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { lastVerification, verifyAuditTrail } from './verification.service.ts';
import { grantsById } from './break-glass.service.ts';

const PAGE = 50;
/** A client's page shows the newest openings of their record, up to this many rows of the trail. */
const ACCESS_ROWS = 5_000;

export async function auditStatus(caller: Caller): Promise<AuditStatus> {
  const last = await lastVerification(caller.db);
  return { last: last && { ...last, at: last.at.toISOString() } };
}

export async function verifyNow(caller: Caller): Promise<AuditStatus> {
  await recordAudit(caller.db, { actor: caller.actor, action: 'audit.verified', subject: { type: 'audit', id: 'chain' } });
  await verifyAuditTrail({ db: caller.db, ...caller.deps });
  return auditStatus(caller);
}

export async function searchAudit(caller: Caller, query: AuditSearchQuery): Promise<AuditSearchResult> {
  let select = caller.db
    .selectFrom('audit_events as e')
    .leftJoin('users as c', 'c.id', 'e.client_user_id')
    .select([
      'e.seq',
      'e.at',
      'e.actor_id',
      'e.actor_label',
      'e.ip',
      'e.action',
      'e.subject_type',
      'e.subject_id',
      'e.client_user_id',
      'c.preferred_name as client_name',
      'e.outcome',
      'e.reason',
    ])
    .orderBy('e.seq', 'desc')
    .limit(PAGE + 1);
  if (query.actor) select = select.where('e.actor_id', '=', query.actor);
  if (query.client) select = select.where('e.client_user_id', '=', query.client);
  if (query.action) select = select.where('e.action', 'like', `${query.action.replace(/_/g, '\\_')}%`);
  if (query.outcome) select = select.where('e.outcome', '=', query.outcome);
  if (query.from) select = select.where('e.at', '>=', new Date(query.from));
  if (query.to) select = select.where('e.at', '<', new Date(query.to));
  if (query.before) select = select.where('e.seq', '<', query.before);
  const rows = await select.execute();
  await recordAudit(caller.db, {
    actor: caller.actor,
    action: 'audit.searched',
    subject: { type: 'audit', id: 'search' },
    detail: { ...query },
  });
  const page = rows.slice(0, PAGE);
  return {
    entries: page.map((r) => ({
      seq: String(r.seq),
      at: r.at.toISOString(),
      actor: { id: r.actor_id, label: r.actor_label },
      ip: r.ip,
      action: r.action,
      subject: { type: r.subject_type, id: r.subject_id },
      client: r.client_user_id ? { id: r.client_user_id, name: r.client_name ?? '' } : null,
      outcome: r.outcome,
      reason: r.reason,
    })),
    nextBefore: rows.length > PAGE ? String(page.at(-1)!.seq) : null,
  };
}

/** Which part of the record an action touched, by its first word. */
const partsByPrefix: Record<string, RecordPart> = {
  room: 'messages',
  rooms: 'messages',
  messages: 'messages',
  message: 'messages',
  break_glass: 'messages',
  inbox: 'messages',
  media: 'media',
  intake: 'intake',
  screeners: 'intake',
  note: 'notes',
  notes: 'notes',
  session_notes: 'notes',
  progress_note: 'notes',
  psychotherapy_note: 'notes',
  sessions: 'sessions',
  session: 'sessions',
  live_session: 'sessions',
  messaging_session: 'sessions',
  calendar: 'sessions',
  safety: 'safety',
  coverage: 'coverage',
  invoices: 'coverage',
  ledger: 'coverage',
  care: 'care',
  caseload: 'care',
  clients: 'care',
  matching: 'care',
  record: 'record',
};
const partOf = (action: string): RecordPart => partsByPrefix[action.split('.')[0]!] ?? 'other';

/**
 * Everyone but the client who opened or changed any part of their record, newest first: one line
 * per person, part and day (in the client's time zone), with how many times. Haven's own
 * automatic steps are not people and are left out. Break-glass lines carry the operator's reason.
 */
export async function recordAccess(caller: Caller): Promise<RecordAccessList> {
  const { db, user } = caller;
  const zone = (await db.selectFrom('clients').select('time_zone').where('user_id', '=', user.id).executeTakeFirst())?.time_zone ?? 'UTC';
  const rows = await db
    .selectFrom('audit_events as e')
    .innerJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.at', 'e.action', 'e.actor_id', 'e.detail', 'u.preferred_name', 'u.role'])
    .where('e.client_user_id', '=', user.id)
    .where('e.actor_id', '<>', user.id)
    .where('e.outcome', '=', 'allowed')
    .where('u.role', 'in', ['provider', 'admin'])
    .orderBy('e.seq', 'desc')
    .limit(ACCESS_ROWS)
    .execute();
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const grantIds = [...new Set(rows.map((r) => grantIdOf(r.detail)).filter((id): id is string => id !== null))];
  const grants = await grantsById(caller, grantIds);
  const lines = new Map<string, RecordAccess>();
  for (const row of rows) {
    const part = partOf(row.action);
    const grant = grants.get(grantIdOf(row.detail) ?? '') ?? null;
    const day = dayOf.format(row.at);
    const key = `${row.actor_id}|${part}|${day}|${grant?.id ?? ''}`;
    const line = lines.get(key);
    if (line) {
      line.times += 1;
      line.firstAt = row.at.toISOString();
      continue;
    }
    lines.set(key, {
      day,
      firstAt: row.at.toISOString(),
      lastAt: row.at.toISOString(),
      times: 1,
      who: { name: row.preferred_name, role: row.role === 'provider' ? 'provider' : 'admin' },
      part,
      breakGlass: grant && { reason: grant.reason, openedAt: grant.openedAt, expiresAt: grant.expiresAt },
    });
  }
  await recordAudit(db, { actor: caller.actor, action: 'record.access_read', subject: { type: 'client', id: user.id }, client: user.id });
  return { entries: [...lines.values()] };
}

function grantIdOf(detail: Record<string, unknown>): string | null {
  return typeof detail.grantId === 'string' ? detail.grantId : null;
}
