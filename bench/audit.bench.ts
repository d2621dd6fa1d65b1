// Audit append benchmark (issue 14 item 2): appending to the audit trail must not serialise the
// service. Before, every audited action took one global advisory lock, read the chain's last hash
// and inserted the next under it, through a durable commit; under 50 concurrent writers most of
// the pool waited on that lock. Now `recordAudit` is one insert that waits on no other writer, and
// the chain is linked afterwards by a background step.
//
//   TEST_DATABASE_URL=postgres://… npm run bench:audit [writers] [actions]
//
// Needs PostgreSQL (PGlite has one connection, so nothing runs concurrently). The same run measures
// the baseline: the old append (global lock, last hash, insert), in the same database, with the
// same writers, each action in its own committed transaction. It also times linking the appended
// rows onto the keyed chain. Benchmarks print figures; they are not tests.
import { createHash, randomUUID } from 'node:crypto';
import { percentile } from '@haven/domain';
import { sql } from 'kysely';
import { recordAudit } from '../apps/server/src/platform/audit/audit.ts';
import { chainAuditRows } from '../apps/server/src/platform/audit/chain.ts';
import type { Db } from '../apps/server/src/platform/db/database.ts';
import { startTestApp } from '../apps/server/src/testing/test-app.ts';

const writers = Number(process.argv[2] ?? 50);
const actions = Number(process.argv[3] ?? 2_000);
if (!process.env.TEST_DATABASE_URL) {
  console.error('bench:audit needs TEST_DATABASE_URL (PostgreSQL): PGlite runs one query at a time.');
  process.exit(2);
}

const row = (i: number) => ({
  actor: { id: null, label: `Bench writer ${i % writers}`, ip: '127.0.0.1' },
  action: 'bench.action',
  subject: { type: 'bench', id: randomUUID() },
});

/** The append as it was: one global lock, the last hash read, the next one inserted under it. */
async function lockedAppend(db: Db, i: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(4242)`.execute(trx);
    const last = await sql<{ hash: string | null }>`select max(subject_id) as hash from audit_events where action = 'bench.locked'`.execute(
      trx,
    );
    const hash = createHash('sha256')
      .update(`${last.rows[0]?.hash ?? ''}|${i}`)
      .digest('hex');
    await recordAudit(trx, { ...row(i), action: 'bench.locked', subject: { type: 'bench', id: hash } });
  });
}

async function appendNow(db: Db, i: number): Promise<void> {
  await db.transaction().execute((trx) => recordAudit(trx, row(i)));
}

async function run(name: string, db: Db, append: (db: Db, i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < actions) {
        const i = next++;
        const t = performance.now();
        await append(db, i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const figures = { perSecond: actions / seconds, p50: percentile(sorted, 0.5) ?? 0, p99: percentile(sorted, 0.99) ?? 0 };
  console.log(`${name}: ${actions} audited actions by ${writers} writers in ${seconds.toFixed(2)} s`);
  return figures;
}

const app = await startTestApp();
try {
  const { db, auditKey } = app.context;
  await run('warm-up', db, appendNow);
  const baseline = await run('baseline (global lock, as before)', db, lockedAppend);
  const now = await run('now (plain insert, chained after)', db, appendNow);
  const chainStarted = performance.now();
  let linked = 0;
  for (let round = 0; round < 100; round += 1) {
    const count = await chainAuditRows(db, auditKey);
    if (count === 0) break;
    linked += count;
  }
  const chainSeconds = (performance.now() - chainStarted) / 1000;
  console.log('');
  console.log(`audit_append_baseline_per_s ${baseline.perSecond.toFixed(0)} actions/s`);
  console.log(`audit_append_per_s ${now.perSecond.toFixed(0)} actions/s`);
  console.log(`audit_append_baseline_p99 ${baseline.p99.toFixed(1)} ms`);
  console.log(`audit_append_p99 ${now.p99.toFixed(1)} ms`);
  console.log(`audit_append_baseline_p50 ${baseline.p50.toFixed(1)} ms`);
  console.log(`audit_append_p50 ${now.p50.toFixed(1)} ms`);
  console.log(`audit_chain_linked ${linked} rows`);
  console.log(`audit_chain_per_s ${(linked / chainSeconds).toFixed(0)} rows/s`);
} finally {
  await app.close();
}
