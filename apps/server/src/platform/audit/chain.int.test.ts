import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifiedAuditTrail } from '../../testing/audit.ts';
import { useTestApp, type Haven } from '../../testing/harness.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { testDatabaseUrl } from '../config.ts';
import type { Db } from '../db/database.ts';
import { recordAudit } from './audit.ts';
import { chainAuditRows, checkpointAuditChain, verifyAuditChain } from './chain.ts';

const haven = useTestApp();

const record = (action: string, detail: Record<string, unknown> = {}, on: Haven = haven) =>
  recordAudit(on.db, {
    actor: { id: null, label: 'test', ip: '203.0.113.9' },
    action,
    subject: { type: 'test', id: action },
    detail,
  });

async function seqOf(on: Haven, action: string): Promise<string> {
  const row = await on.db.selectFrom('audit_events').select('seq').where('action', '=', action).executeTakeFirstOrThrow();
  return String(row.seq);
}

/** What a person with full database access can do: switch the append-only triggers off for a moment. */
async function asDatabaseOwner(on: Haven, statements: (db: Db) => Promise<unknown>): Promise<void> {
  await sql`alter table audit_events disable trigger audit_events_no_update`.execute(on.db);
  await sql`alter table audit_chain disable trigger audit_chain_no_update`.execute(on.db);
  try {
    await statements(on.db);
  } finally {
    await sql`alter table audit_events enable trigger audit_events_no_update`.execute(on.db);
    await sql`alter table audit_chain enable trigger audit_chain_no_update`.execute(on.db);
  }
}

const verify = (on: Haven = haven) => verifyAuditChain(on.db, on.app.context.auditKey, on.app.context.blobs);

describe('the keyed audit chain', () => {
  it('links every committed row, keeps who/where/outcome, and refuses updates and deletes', async () => {
    for (let i = 0; i < 5; i++) await record(`intact.${i}`, { b: 1, a: [i] });
    const verification = await verifiedAuditTrail(haven);
    expect(verification).toMatchObject({ intact: true, unchained: 0, firstBroken: null });
    expect(verification.chained).toBeGreaterThanOrEqual(5);
    const row = await haven.db.selectFrom('audit_events').selectAll().where('action', '=', 'intact.0').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ ip: '203.0.113.9', outcome: 'allowed', client_user_id: null });
    await expect(sql`update audit_events set reason = 'edited'`.execute(haven.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(haven.db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_chain set hash = 'x'`.execute(haven.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_chain`.execute(haven.db)).rejects.toThrow(/append-only/);
  });

  it('reports the tail not chained yet, and a second chaining round finds nothing', async () => {
    await record('tail.1');
    await record('tail.2');
    expect((await verify()).unchained).toBe(2);
    expect((await verifiedAuditTrail(haven)).unchained).toBe(0);
    expect(await chainAuditRows(haven.db, haven.app.context.auditKey)).toBe(0);
  });

  it('writes a checkpoint of the head to the blob store only when the head moved', async () => {
    await record('checkpoint.1');
    await verifiedAuditTrail(haven);
    const { db, auditKey, blobs } = haven.app.context;
    expect(await checkpointAuditChain(db, auditKey, blobs)).toBe(true);
    expect(await checkpointAuditChain(db, auditKey, blobs)).toBe(false);
    expect((await verify()).checkpoints).toBeGreaterThanOrEqual(1);
  });
});

// Each tampering gets a Haven of its own: a broken chain stays broken.
describe('tampering', () => {
  const tampered = useTestApp();
  it('an edited row is named', async () => {
    for (const action of ['edit.1', 'edit.2', 'edit.3']) await record(action, {}, tampered);
    expect((await verifiedAuditTrail(tampered)).intact).toBe(true);
    const edited = await seqOf(tampered, 'edit.2');
    await asDatabaseOwner(tampered, (db) => sql`update audit_events set actor_label = 'someone else' where action = 'edit.2'`.execute(db));
    const verification = await verifiedAuditTrail(tampered);
    expect(verification).toMatchObject({ intact: false, firstBroken: edited });
    expect(verification.problem).toMatch(/changed/);
  });
});

describe('tampering with the links recomputed', () => {
  const tampered = useTestApp();
  it('an edited row whose later links were recomputed without the key is still named', async () => {
    for (const action of ['forge.1', 'forge.2', 'forge.3']) await record(action, {}, tampered);
    expect((await verifiedAuditTrail(tampered)).intact).toBe(true);
    const edited = await seqOf(tampered, 'forge.2');
    await asDatabaseOwner(tampered, async (db) => {
      await sql`update audit_events set reason = 'nothing to see' where action = 'forge.2'`.execute(db);
      // Every link from the edited row on rewritten, the best anyone can do without the key (here the old unkeyed scheme).
      const links = await db.selectFrom('audit_chain').selectAll().where('seq', '>=', edited).orderBy('position').execute();
      let previous =
        (
          await db
            .selectFrom('audit_chain')
            .select('hash')
            .where('position', '=', Number(links[0]!.position) - 1)
            .executeTakeFirst()
        )?.hash ?? '';
      for (const l of links) {
        const row = await db.selectFrom('audit_events').selectAll().where('seq', '=', l.seq).executeTakeFirstOrThrow();
        previous = createHash('sha256')
          .update(JSON.stringify([row, previous]))
          .digest('hex');
        await sql`update audit_chain set hash = ${previous} where position = ${l.position}`.execute(db);
      }
    });
    expect(await verify(tampered)).toMatchObject({ intact: false, firstBroken: edited });
  });
});

describe('rows cut off the end', () => {
  const tampered = useTestApp();
  it('rows removed after the last checkpoint, links and all, are found by the checkpoint', async () => {
    for (const action of ['cut.1', 'cut.2', 'cut.3']) await record(action, {}, tampered);
    await verifiedAuditTrail(tampered);
    const { db, auditKey, blobs } = tampered.app.context;
    await checkpointAuditChain(db, auditKey, blobs);
    const removed = await seqOf(tampered, 'cut.3');
    await asDatabaseOwner(tampered, async (db) => {
      await sql`delete from audit_chain where seq = ${removed}`.execute(db);
      await sql`delete from audit_events where seq = ${removed}`.execute(db);
    });
    const verification = await verify(tampered);
    expect(verification.intact).toBe(false);
    expect(verification.problem).toMatch(/cut off the end/);
  });

  it('a checkpoint edited in the blob store is refused', async () => {
    const { blobs } = tampered.app.context;
    const [name] = await blobs.listRecords('audit-checkpoints');
    const checkpoint = JSON.parse((await blobs.getRecord(name!))!.toString('utf8')) as { position: number };
    await blobs.putRecord(name!, Buffer.from(JSON.stringify({ ...checkpoint, position: checkpoint.position - 1 })));
    expect((await verify(tampered)).problem).toMatch(/not one Haven wrote/);
  });
});

describe('appending does not wait on other writers', () => {
  it.skipIf(!testDatabaseUrl())(
    'a row whose transaction commits after a later one is still chained, and no append waits for another (PostgreSQL only)',
    async () => {
      const { db, auditKey } = haven.app.context;
      let releaseSlow!: () => void;
      const slowHolds = new Promise<void>((resolve) => (releaseSlow = resolve));
      let slowInserted!: () => void;
      const inserted = new Promise<void>((resolve) => (slowInserted = resolve));
      const slow = db.transaction().execute(async (trx) => {
        await recordAudit(trx, { actor: { id: null, label: 'test' }, action: 'late.slow', subject: { type: 'test', id: 'late' } });
        slowInserted();
        await slowHolds;
      });
      await inserted;
      // While the slow transaction holds its uncommitted row, another append commits at once.
      await record('late.fast');
      expect(await chainAuditRows(db, auditKey)).toBeGreaterThanOrEqual(1);
      releaseSlow();
      await slow;
      const verification = await verifiedAuditTrail(haven);
      expect(verification).toMatchObject({ intact: true, unchained: 0 });
      const linked = await db
        .selectFrom('audit_chain')
        .select('seq')
        .where('seq', '=', await seqOf(haven, 'late.slow'))
        .execute();
      expect(linked).toHaveLength(1);
    },
  );
});

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

/** `npm run audit:verify` (haven audit-verify) as its own process, on the test's database, keys and blobs. */
function auditVerifyCli(app: TestApp): Promise<{ code: number | null; output: string }> {
  if (app.config.database.kind !== 'postgres') throw new Error('needs PostgreSQL');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts'), 'audit-verify'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HAVEN_ENV: 'test',
      LOG_LEVEL: 'silent',
      HAVEN_DATA_DIR: app.config.dataDir,
      DATABASE_URL: app.config.database.url,
      DATABASE_SCHEMA: app.config.database.schema,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('npm run audit:verify (PostgreSQL only: the command opens the database from its own process)', () => {
  const checked = useTestApp();
  it.skipIf(!testDatabaseUrl())(
    'exits 0 on an intact trail, and 1 naming the row after an edit, and after an edit with the links recomputed',
    { timeout: 90_000 },
    async () => {
      for (const action of ['cli.1', 'cli.2', 'cli.3']) await record(action, {}, checked);
      const intact = await auditVerifyCli(checked.app);
      expect(intact.code, intact.output).toBe(0);
      expect(intact.output).toMatch(/intact: \d+ row\(s\) chained/);
      expect((await checked.db.selectFrom('audit_verifications').select('intact').execute()).map((v) => v.intact)).toEqual([true]);

      const edited = await seqOf(checked, 'cli.2');
      await asDatabaseOwner(checked, (db) => sql`update audit_events set reason = 'edited' where action = 'cli.2'`.execute(db));
      const broken = await auditVerifyCli(checked.app);
      expect(broken.code).toBe(1);
      expect(broken.output).toContain(`First broken row: ${edited}`);

      // The attacker then recomputes every later link as the old unkeyed chain did: still found.
      await asDatabaseOwner(checked, async (db) => {
        const links = await db.selectFrom('audit_chain').selectAll().where('seq', '>=', edited).orderBy('position').execute();
        for (const l of links) {
          const forged = createHash('sha256')
            .update(`${String(l.seq)}:forged`)
            .digest('hex');
          await sql`update audit_chain set hash = ${forged} where position = ${l.position}`.execute(db);
        }
      });
      const forged = await auditVerifyCli(checked.app);
      expect(forged.code).toBe(1);
      expect(forged.output).toContain(`First broken row: ${edited}`);
      // Each failed verification leaves an event the worker turns into an email to every operator.
      const alerts = await checked.db.selectFrom('domain_events').select('type').where('type', '=', 'audit.verification_failed').execute();
      expect(alerts).toHaveLength(2);
    },
  );
});
