import type { Db } from '../db/database.ts';

/** Every fact other parts of Haven may react to, with its payload. */
export type DomainEvent =
  | { type: 'provider.deactivated'; payload: { providerId: string; reason: string } }
  | { type: 'provider.activated'; payload: { providerId: string } }
  | { type: 'licence.expired'; payload: { providerId: string; licenceId: string; state: string } };

/**
 * Records an event in the same transaction as the change it describes; processors pick
 * unprocessed events up later, so a crash between the two can never lose one.
 */
export async function recordEvent(trx: Db, event: DomainEvent): Promise<void> {
  await trx
    .insertInto('domain_events')
    .values({ type: event.type, payload: JSON.stringify(event.payload) })
    .execute();
}
