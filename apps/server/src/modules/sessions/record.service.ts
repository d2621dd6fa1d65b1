// A client's live sessions for their record's export (modules/export): every one, oldest first,
// presented as the sessions page presents them. The caller decides who may read them, and records the read.
import type { LiveSession } from '@haven/contract';
import type { Sealer } from '../../platform/crypto/envelope.ts';
import type { Db } from '../../platform/db/database.ts';
import { presentSessions } from './sessions.presenter.ts';
import * as repo from './sessions.repository.ts';

export async function sessionsOfClient(db: Db, sealer: Sealer, clientId: string, now: Date): Promise<LiveSession[]> {
  return presentSessions(sealer, await repo.sessionsOfClient(db, clientId), now);
}

/** After a closed record's retention period: where the client joined sessions from is forgotten. */
export async function forgetClientLocations(trx: Db, clientId: string): Promise<void> {
  await repo.forgetClientLocations(trx, clientId);
}
