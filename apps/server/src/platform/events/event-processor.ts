// Hands recorded domain events to their handlers (PRODUCT: "a write records an event; processors
// push updates, send email, schedule reminders"). Each event is claimed FOR UPDATE SKIP LOCKED and
// handled in one transaction that also marks it processed: what a handler writes (a bell notice,
// a queued email, a re-homed client) commits together with "done", or not at all. So processing is
// at-least-once, every write of it happens exactly once, a restart picks up where it stopped, and
// several workers share the log without handling one event twice.
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { DomainEventType, RecordedEvent } from './domain-events.ts';

/** Work that reaches beyond the database (a live push), run once the handler's writes are durable. */
export type AfterCommit = () => Promise<void>;

export type EventHandler = {
  /** Names the handler in logs and errors. */
  name: string;
  handles: readonly DomainEventType[];
  handle(trx: Db, event: RecordedEvent): Promise<AfterCommit | void>;
};

/** A handler for one event type, with its payload typed. */
export function on<T extends DomainEventType>(
  type: T,
  name: string,
  handle: (trx: Db, event: RecordedEvent<T>) => Promise<AfterCommit | void>,
): EventHandler {
  return { name, handles: [type], handle: (trx, event) => handle(trx, event as RecordedEvent<T>) };
}

type Log = { error(obj: object, msg: string): void };
export type ProcessOptions = { batch?: number; maxAttempts?: number; log?: Log };

const RETRY_BASE_SECONDS = 5;

/**
 * Handles due events oldest first, one transaction each, until none is left or `batch` were
 * handled. A handler that throws leaves its event for a later run (5 s, 10 s, 20 s … apart); after
 * `maxAttempts` the event is set aside as failed, with its error, for an operator to look at.
 */
export async function processEvents(db: Db, handlers: EventHandler[], options: ProcessOptions = {}): Promise<number> {
  const { batch = 100, maxAttempts = 8, log } = options;
  let handled = 0;
  // A cheap look first: the worker polls every second, and most seconds there is nothing to do.
  if (!(await anyDue(db))) return 0;
  while (handled < batch) {
    const claimed = { seq: null as string | null, attempts: 0 };
    try {
      const after = await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('domain_events')
          .select(['seq', 'type', 'payload', 'created_at', 'attempts'])
          .where('processed_at', 'is', null)
          .where('failed_at', 'is', null)
          .where('run_after', '<=', sql<Date>`now()`)
          .orderBy('seq')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!row) return null;
        // pg reads a bigint as text, PGlite as a number; a RecordedEvent's seq is text on both.
        const seq = String(row.seq);
        Object.assign(claimed, { seq, attempts: row.attempts });
        const event = { type: row.type, payload: row.payload, seq, at: row.created_at } as RecordedEvent;
        const afterCommit: AfterCommit[] = [];
        for (const handler of handlers) {
          if (!handler.handles.includes(event.type)) continue;
          const after = await handler.handle(trx, event);
          if (after) afterCommit.push(after);
        }
        await trx.updateTable('domain_events').set({ processed_at: new Date() }).where('seq', '=', seq).execute();
        return afterCommit;
      });
      if (after === null) return handled;
      handled += 1;
      for (const run of after) await run().catch((error: unknown) => log?.error({ err: error }, 'after-commit work failed'));
    } catch (error) {
      if (claimed.seq === null) throw error;
      await setAside(db, { seq: claimed.seq, attempts: claimed.attempts }, error, maxAttempts);
      log?.error({ err: error, seq: claimed.seq }, 'event handler failed');
    }
  }
  return handled;
}

async function anyDue(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('domain_events')
    .select('seq')
    .where('processed_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('run_after', '<=', sql<Date>`now()`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function setAside(db: Db, claimed: { seq: string; attempts: number }, error: unknown, maxAttempts: number): Promise<void> {
  const attempts = claimed.attempts + 1;
  const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
  await db
    .updateTable('domain_events')
    .set({
      attempts,
      last_error: message,
      run_after: sql<Date>`now() + make_interval(secs => ${RETRY_BASE_SECONDS * 2 ** (attempts - 1)})`,
      failed_at: attempts >= maxAttempts ? new Date() : null,
    })
    .where('seq', '=', claimed.seq)
    .execute();
}
