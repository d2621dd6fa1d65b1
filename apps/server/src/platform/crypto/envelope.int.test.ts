import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { testRedisUrl } from '../config.ts';
import { inProcessLiveBus, redisLiveBus, type LiveBus } from '../events/live-bus.ts';
import { createSealer, DataKeyDestroyed } from './envelope.ts';
import { localKeyProvider } from './key-provider.ts';

let app: TestApp;
let keyFile: string;
beforeAll(async () => {
  app = await startTestApp();
  keyFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'haven-keys-')), 'master.key');
});
afterAll(async () => {
  await app?.close();
});

const at = (row: string) => ({ table: 'screener_results', row, field: 'answers' });

describe('envelope encryption', () => {
  it('creates the master key file with mode 0600 and round-trips a value', async () => {
    const sealer = createSealer(app.context.db, await localKeyProvider(keyFile));
    expect((await fs.stat(keyFile)).mode & 0o777).toBe(0o600);
    const client = randomUUID();
    const sealed = await sealer.seal(client, 'PHQ-9 item 9: several days', at('r1'));
    expect(sealed).not.toContain('PHQ');
    expect(await sealer.open(client, sealed, at('r1'))).toBe('PHQ-9 item 9: several days');
    const stored = await sql<{ wrapped_key: string }>`select wrapped_key from data_keys where owner_id = ${client}`.execute(app.context.db);
    expect(stored.rows[0]?.wrapped_key).toMatch(/^hv1\./);
  });

  it('refuses a ciphertext moved to another row, field or client', async () => {
    const sealer = createSealer(app.context.db, await localKeyProvider(keyFile));
    const [alice, bob] = [randomUUID(), randomUUID()];
    const sealed = await sealer.seal(alice, 'private', at('r1'));
    await sealer.seal(bob, 'warm-up', at('r9'));
    await expect(sealer.open(alice, sealed, at('r2'))).rejects.toThrow();
    await expect(sealer.open(alice, sealed, { ...at('r1'), field: 'notes' })).rejects.toThrow();
    await expect(sealer.open(bob, sealed, at('r1'))).rejects.toThrow();
  });

  it('keeps data readable across a master-key rotation, and a fresh process can still read it', async () => {
    const keys = await localKeyProvider(keyFile);
    const sealer = createSealer(app.context.db, keys);
    const client = randomUUID();
    const sealed = await sealer.seal(client, 'before rotation', at('r1'));
    const version = await keys.addVersion();
    expect(await sealer.rewrapAll()).toBeGreaterThan(0);
    const row = await app.context.db.selectFrom('data_keys').selectAll().where('owner_id', '=', client).executeTakeFirstOrThrow();
    expect(row.master_version).toBe(version);
    const restarted = createSealer(app.context.db, await localKeyProvider(keyFile));
    expect(await restarted.open(client, sealed, at('r1'))).toBe('before rotation');
  });

  it("makes a client's data unreadable once their key is destroyed", async () => {
    const sealer = createSealer(app.context.db, await localKeyProvider(keyFile));
    const client = randomUUID();
    const sealed = await sealer.seal(client, 'gone for good', at('r1'));
    await sealer.destroy(client);
    await expect(createSealer(app.context.db, await localKeyProvider(keyFile)).open(client, sealed, at('r1'))).rejects.toThrow(
      DataKeyDestroyed,
    );
  });

  it('forgets a destroyed key at once on every instance, even one that had it in memory', async () => {
    // Two instances: over Redis when it is configured, else two sealers sharing one in-process bus.
    const redisUrl = testRedisUrl();
    const shared = inProcessLiveBus();
    const buses: LiveBus[] = redisUrl ? [redisLiveBus(redisUrl), redisLiveBus(redisUrl)] : [shared, shared];
    const keys = await localKeyProvider(keyFile);
    const [here, there] = buses.map((bus) => createSealer(app.context.db, keys, bus));
    await Promise.all([here!.listen(), there!.listen()]);
    const client = randomUUID();
    const sealed = await here!.seal(client, 'session summary', at('r1'));
    expect(await there!.open(client, sealed, at('r1'))).toBe('session summary'); // now in memory there
    await here!.destroy(client);
    await expect
      .poll(() =>
        there!.open(client, sealed, at('r1')).then(
          () => 'readable',
          (e: unknown) => e instanceof DataKeyDestroyed,
        ),
      )
      .toBe(true);
    await Promise.all([...new Set(buses)].map((bus) => bus.close()));
  });
});
