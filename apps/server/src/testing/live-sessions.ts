import type { Db } from '../platform/db/database.ts';

const MINUTE = 60_000;

/** A video session between a client and a provider, written straight to the database. */
export async function insertLiveSession(
  db: Db,
  session: {
    clientId: string;
    providerId: string;
    roomId: string;
    startsAt: Date;
    lengthMinutes?: number;
    status?: 'requested' | 'booked' | 'cancelled' | 'completed';
  },
): Promise<string> {
  const row = await db
    .insertInto('live_sessions')
    .values({
      client_id: session.clientId,
      provider_id: session.providerId,
      room_id: session.roomId,
      starts_at: session.startsAt,
      ends_at: new Date(session.startsAt.getTime() + (session.lengthMinutes ?? 50) * MINUTE),
      modality: 'video',
      status: session.status ?? 'booked',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
