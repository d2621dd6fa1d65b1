// Who may see or touch a live session: only the two people booked in it. Anyone else is told it
// does not exist, so a session id reveals nothing.
import { AppError } from '../../platform/http/errors.ts';
import type { Db } from '../../platform/db/database.ts';
import type { UserRow } from '../identity/identity.service.ts';
import * as repo from './sessions.repository.ts';

export type Party = { role: 'client' | 'provider'; session: repo.SessionWithParties };

export async function partyOf(db: Db, user: UserRow, sessionId: string): Promise<Party> {
  const session = await repo.sessionWithParties(db, sessionId);
  if (session && user.role === 'client' && session.client_user_id === user.id) return { role: 'client', session };
  if (session && user.role === 'provider' && session.provider_user_id === user.id) return { role: 'provider', session };
  throw new AppError('not_found', 'That session is not on your calendar.');
}
