import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { openRange, sealingStream, type ChunkHeader } from './chunked.ts';
import type { LiveBus } from '../events/live-bus.ts';
import type { KeyProvider } from './key-provider.ts';

/** What a ciphertext is bound to: it cannot be moved to another table, row or field. */
export type SealContext = { table: string; row: string; field: string };

export class DataKeyDestroyed extends Error {}

const FORMAT = 'hv1';
/** Live-bus channel on which a destroyed data key is announced, so every instance forgets it. */
const DESTROYED_KEYS = 'data-keys:destroyed';

/**
 * Envelope encryption for health information: AES-256-GCM under a per-client data key,
 * which is itself stored only wrapped (AES-256-GCM) by a master key from the KeyProvider.
 * Haven's server can decrypt this data; it is encryption at rest, not end-to-end.
 */
export function createSealer(db: Db, keys: KeyProvider, bus?: LiveBus) {
  // Plain data keys are kept in memory; a destroyed one is dropped here and, through the bus, on
  // every other instance at once (see `listen`).
  const cache = new Map<string, Buffer>();
  // Counts destroys, here or announced: a key whose load overlapped one is used once, not cached,
  // so an eviction that arrives while a load is in flight cannot be undone by it.
  let destroys = 0;
  const forget = (ownerId: string) => {
    destroys += 1;
    cache.delete(ownerId);
  };

  async function dataKey(ownerId: string, create: boolean): Promise<Buffer> {
    const cached = cache.get(ownerId);
    if (cached) return cached;
    const destroysBefore = destroys;
    let row = await db.selectFrom('data_keys').selectAll().where('owner_id', '=', ownerId).executeTakeFirst();
    if (!row && create) {
      const version = keys.currentVersion();
      const fresh = randomBytes(32);
      await db
        .insertInto('data_keys')
        .values({ owner_id: ownerId, wrapped_key: wrap(keys.masterKey(version), fresh, ownerId), master_version: version })
        .onConflict((oc) => oc.column('owner_id').doNothing())
        .execute();
      row = await db.selectFrom('data_keys').selectAll().where('owner_id', '=', ownerId).executeTakeFirst();
    }
    if (!row) throw new DataKeyDestroyed(`No data key for ${ownerId}: the data is unreadable.`);
    const key = unwrap(keys.masterKey(row.master_version), row.wrapped_key, ownerId);
    if (destroys === destroysBefore) cache.set(ownerId, key);
    return key;
  }

  return {
    async seal(ownerId: string, plaintext: string, context: SealContext): Promise<string> {
      return encrypt(await dataKey(ownerId, true), Buffer.from(plaintext, 'utf8'), aad(ownerId, context));
    },
    async open(ownerId: string, sealed: string, context: SealContext): Promise<string> {
      return decrypt(await dataKey(ownerId, false), sealed, aad(ownerId, context)).toString('utf8');
    },
    /** Media and files as they stream: the chunked format of chunked.ts, under the same data key. */
    async sealingStream(ownerId: string, context: SealContext) {
      return sealingStream(await dataKey(ownerId, true), aad(ownerId, context));
    },
    /** Plaintext bytes of a chunked file, checked chunk by chunk (see chunked.ts openRange). */
    async openRange(
      ownerId: string,
      context: SealContext,
      file: { header: ChunkHeader; size: number },
      range: { start: number; end: number },
      records: AsyncIterable<Buffer>,
    ): Promise<AsyncGenerator<Buffer>> {
      return openRange(await dataKey(ownerId, false), aad(ownerId, context), file.header, file.size, range, records);
    },
    /** Media and files sealed whole, as stored before chunked sealing (iv ‖ tag ‖ ciphertext); still read. */
    async sealBytes(ownerId: string, plaintext: Buffer, context: SealContext): Promise<Buffer> {
      const key = await dataKey(ownerId, true);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad(ownerId, context));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async openBytes(ownerId: string, sealed: Buffer, context: SealContext): Promise<Buffer> {
      const key = await dataKey(ownerId, false);
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAAD(aad(ownerId, context));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
    },
    /** Crypto-shredding: without its data key, everything sealed for this owner is gone. */
    async destroy(ownerId: string): Promise<void> {
      forget(ownerId);
      await db.deleteFrom('data_keys').where('owner_id', '=', ownerId).execute();
      await bus?.publish(DESTROYED_KEYS, ownerId);
    },
    /** Forgets keys destroyed on any instance sharing the bus; answers how to stop listening. */
    listen(): Promise<() => Promise<void>> {
      if (!bus) return Promise.resolve(() => Promise.resolve());
      return bus.subscribe(DESTROYED_KEYS, forget);
    },
    /** Re-wraps every data key under the current master key; the data itself is untouched. */
    async rewrapAll(): Promise<number> {
      const version = keys.currentVersion();
      const rows = await db.selectFrom('data_keys').selectAll().where('master_version', '<>', version).execute();
      for (const row of rows) {
        const key = unwrap(keys.masterKey(row.master_version), row.wrapped_key, row.owner_id);
        await db
          .updateTable('data_keys')
          .set({ wrapped_key: wrap(keys.masterKey(version), key, row.owner_id), master_version: version })
          .where('owner_id', '=', row.owner_id)
          .execute();
      }
      return rows.length;
    },
  };
}

export type Sealer = ReturnType<typeof createSealer>;

const aad = (ownerId: string, c: SealContext) => Buffer.from(`${ownerId}|${c.table}|${c.row}|${c.field}`);
const wrap = (master: Buffer, key: Buffer, ownerId: string) => encrypt(master, key, Buffer.from(`data-key|${ownerId}`));
const unwrap = (master: Buffer, wrapped: string, ownerId: string) => decrypt(master, wrapped, Buffer.from(`data-key|${ownerId}`));

function encrypt(key: Buffer, plaintext: Buffer, associated: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associated);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [FORMAT, iv.toString('base64'), body.toString('base64'), cipher.getAuthTag().toString('base64')].join('.');
}

function decrypt(key: Buffer, sealed: string, associated: Buffer): Buffer {
  const [format, iv, body, tag] = sealed.split('.');
  if (format !== FORMAT || !iv || body === undefined || !tag) throw new Error('Not a sealed value.');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAAD(associated);
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
}
