import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { KeyProvider } from '../crypto/key-provider.ts';
import type { Db } from '../db/database.ts';
import type { AuditEventsTable } from '../db/schema.ts';
import type { BlobStore } from '../storage/blob-store.ts';

/**
 * The audit trail's keyed chain. Appending (audit.ts) is one insert that waits on nobody; this
 * background step links committed rows, in the order it finds them, each link an HMAC-SHA256 of
 * the row and the previous link under a key that never enters the database. Someone who can edit
 * the database can change a row, but cannot compute the links that would hide it. The head is
 * checkpointed to the blob store, so cutting rows off the end shows too.
 */

const GENESIS = '0'.repeat(64);
// Held only by the chainer, never by a writer: a second worker skips the round instead of waiting.
const CHAIN_LOCK = 7_240_403;
/** How far below the newest chained row the chainer looks for rows whose transaction committed late. */
const LATE_WINDOW = 1_000;
const PAGE = 5_000;
const CHECKPOINTS = 'audit-checkpoints';

type AuditRow = Selectable<AuditEventsTable>;

/** `e` (an audit row) has no link on the chain yet. */
const notLinked = sql<boolean>`not exists (select 1 from audit_chain c where c.seq = e.seq)`;

/** The chain's key, derived from the first master key: it outlives master-key rotation. */
export function auditKeyFrom(keys: KeyProvider): Buffer {
  return Buffer.from(hkdfSync('sha256', keys.masterKey(1), Buffer.alloc(0), 'haven audit chain v1', 32));
}

/** JSON with object keys sorted: jsonb reorders keys, and the link must not care. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function link(key: Buffer, previous: string, row: AuditRow): string {
  const fields = [
    String(row.seq),
    row.at.toISOString(),
    row.actor_id,
    row.actor_label,
    row.ip,
    row.action,
    row.subject_type,
    row.subject_id,
    row.client_user_id,
    row.outcome,
    row.reason,
    canonicalJson(row.detail),
    previous,
  ];
  return createHmac('sha256', key).update(JSON.stringify(fields)).digest('hex');
}

/** Links every committed row not yet on the chain; returns how many it linked. */
export async function chainAuditRows(db: Db, key: Buffer, batch = 5_000): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${CHAIN_LOCK}) as locked`.execute(trx);
    if (!rows[0]?.locked) return 0;
    const head = await trx.selectFrom('audit_chain').select(['position', 'hash']).orderBy('position', 'desc').limit(1).executeTakeFirst();
    const newest = await trx
      .selectFrom('audit_chain')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    const pending = await trx
      .selectFrom('audit_events as e')
      .selectAll('e')
      .where('e.seq', '>', Number(newest?.seq ?? 0) - LATE_WINDOW)
      .where(notLinked)
      .orderBy('e.seq')
      .limit(batch)
      .execute();
    let previous = head?.hash ?? GENESIS;
    let position = Number(head?.position ?? 0);
    const links = pending.map((row) => {
      position += 1;
      previous = link(key, previous, row);
      return { position, seq: row.seq, hash: previous };
    });
    if (links.length) await trx.insertInto('audit_chain').values(links).execute();
    return links.length;
  });
}

type Checkpoint = { position: number; hash: string; at: string; mac: string };

const checkpointMac = (key: Buffer, c: Omit<Checkpoint, 'mac'>) =>
  createHmac('sha256', key)
    .update(JSON.stringify(['checkpoint', c.position, c.hash, c.at]))
    .digest('hex');

/** Writes the chain's head to the blob store, outside the database, when it moved since the last one. */
export async function checkpointAuditChain(db: Db, key: Buffer, blobs: BlobStore, now = new Date()): Promise<boolean> {
  const head = await db.selectFrom('audit_chain').select(['position', 'hash']).orderBy('position', 'desc').limit(1).executeTakeFirst();
  if (!head) return false;
  const position = Number(head.position);
  const names = await blobs.listRecords(CHECKPOINTS);
  if (names.at(-1) === checkpointName(position)) return false;
  const checkpoint = { position, hash: head.hash, at: now.toISOString() };
  await blobs.putRecord(checkpointName(position), Buffer.from(JSON.stringify({ ...checkpoint, mac: checkpointMac(key, checkpoint) })));
  return true;
}

// Zero-padded, so the names sort in chain order.
const checkpointName = (position: number) => `${CHECKPOINTS}/${String(position).padStart(16, '0')}.json`;

export type AuditVerification = {
  intact: boolean;
  /** Rows on the chain, and committed rows not linked yet (the tail the next chaining round takes). */
  chained: number;
  unchained: number;
  checkpoints: number;
  /** The sequence number of the first audit row that does not verify. */
  firstBroken: string | null;
  problem: string | null;
};

/**
 * Walks the whole chain in order and every checkpoint. Intact means: each link follows the one before,
 * each row's content gives its link under the key, no row below the chain's reach was left out of it,
 * and every checkpoint (itself keyed) names a link the chain still has, with the same hash.
 */
export async function verifyAuditChain(db: Db, key: Buffer, blobs: BlobStore): Promise<AuditVerification> {
  let previous = GENESIS;
  let position = 0;
  let maxSeq = 0;
  const hashes = new Map<number, string>();
  const names = await blobs.listRecords(CHECKPOINTS);
  const checkpoints: Checkpoint[] = [];
  const result = (problem: string | null, firstBroken: string | null, unchained = 0): AuditVerification => ({
    intact: problem === null,
    chained: position,
    unchained,
    checkpoints: checkpoints.length,
    firstBroken,
    problem,
  });
  for (const name of names) {
    const bytes = await blobs.getRecord(name);
    const checkpoint = bytes ? (JSON.parse(bytes.toString('utf8')) as Checkpoint) : null;
    if (!checkpoint || !sameHex(checkpoint.mac, checkpointMac(key, checkpoint)))
      return result(`Checkpoint ${name} is not one Haven wrote.`, null);
    checkpoints.push(checkpoint);
    hashes.set(checkpoint.position, checkpoint.hash);
  }
  for (;;) {
    const page = await db
      .selectFrom('audit_chain as c')
      .leftJoin('audit_events as e', 'e.seq', 'c.seq')
      .select(['c.position', 'c.seq as link_seq', 'c.hash as link_hash'])
      .selectAll('e')
      .where('c.position', '>', position)
      .orderBy('c.position')
      .limit(PAGE)
      .execute();
    if (page.length === 0) break;
    for (const row of page) {
      const seq = String(row.link_seq);
      if (Number(row.position) !== position + 1) return result(`Link ${position + 1} of the chain is missing.`, seq);
      if (row.seq === null) return result(`Audit row ${seq} was removed.`, seq);
      const expected = link(key, previous, row as AuditRow);
      if (!sameHex(expected, row.link_hash)) return result(`Audit row ${seq} does not match its link: it was changed.`, seq);
      position += 1;
      previous = row.link_hash;
      maxSeq = Math.max(maxSeq, Number(seq));
      const checkpointed = hashes.get(position);
      if (checkpointed !== undefined && checkpointed !== row.link_hash)
        return result(`The chain differs from checkpoint ${position}.`, seq);
    }
  }
  const last = checkpoints.at(-1);
  if (last && last.position > position)
    return result(`The chain ends at ${position}, before checkpoint ${last.position}: rows were cut off the end.`, null);
  const unlinked = await db
    .selectFrom('audit_events as e')
    .select((eb) => [eb.fn.countAll<string | number>().as('count'), eb.fn.min('e.seq').as('first')])
    .where(notLinked)
    .where('e.seq', '<=', maxSeq - LATE_WINDOW)
    .executeTakeFirst();
  if (Number(unlinked?.count ?? 0) > 0)
    return result(`Audit row ${String(unlinked!.first)} was never linked: it was added afterwards.`, String(unlinked!.first));
  const tail = await db
    .selectFrom('audit_events as e')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where(notLinked)
    .executeTakeFirst();
  return result(null, null, Number(tail?.count ?? 0));
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** Runs a verification and keeps its result for the console. */
export async function recordVerification(db: Db, verification: AuditVerification, at = new Date()): Promise<void> {
  await db
    .insertInto('audit_verifications')
    .values({
      at,
      intact: verification.intact,
      chained: verification.chained,
      unchained: verification.unchained,
      checkpoints: verification.checkpoints,
      first_broken: verification.firstBroken,
      problem: verification.problem,
    })
    .execute();
}
