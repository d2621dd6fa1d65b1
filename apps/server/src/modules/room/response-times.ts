// How fast providers answer (PRODUCT §2.8): for each client message that starts a wait — the first
// one after the provider last wrote — the time until the provider's next message, and whether that
// came after the reply-by promise. Operators see median, p90 and breaches per provider.
import type { ResponseTimes } from '@haven/contract';
import { percentile, replyBy, type BusinessHours } from '@haven/domain';
import type { Db } from '../../platform/db/database.ts';
import { businessHoursOf } from './room.service.ts';

const WINDOW_DAYS = 30;

export async function responseTimes(db: Db, now = new Date()): Promise<ResponseTimes> {
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
  const rows = await db
    .selectFrom('messages as m')
    .leftJoin('providers as p', 'p.user_id', 'm.sender_id')
    .select(['m.room_id', 'm.seq', 'm.sender_role', 'm.sent_at', 'p.id as provider_id'])
    .where('m.sent_at', '>=', since)
    .orderBy('m.room_id')
    .orderBy('m.seq')
    .execute();
  // The provider each room is with now, for waits not yet answered.
  const current = await db
    .selectFrom('care_assignments as a')
    .innerJoin('rooms as r', 'r.client_id', 'a.client_id')
    .select(['r.id as room_id', 'a.provider_id'])
    .where('a.ended_at', 'is', null)
    .execute();
  const currentOf = new Map(current.map((c) => [c.room_id, c.provider_id]));

  type Tally = { waits: number[]; breaches: number; overdueNow: number };
  const tallies = new Map<string, Tally>();
  const tally = (providerId: string) =>
    tallies.get(providerId) ?? tallies.set(providerId, { waits: [], breaches: 0, overdueNow: 0 }).get(providerId)!;

  // Each provider's hours are read once, however many waits are judged against them.
  const hours = new Map<string, Promise<BusinessHours>>();
  const replyByFor = async (providerId: string, sentAt: Date) => {
    if (!hours.has(providerId)) hours.set(providerId, businessHoursOf(db, providerId));
    return replyBy(sentAt, await hours.get(providerId)!);
  };
  let room: string | null = null;
  let waitingSince: Date | null = null;
  const closeRoom = async (roomId: string | null) => {
    const providerId = roomId ? currentOf.get(roomId) : undefined;
    if (waitingSince && providerId && (await replyByFor(providerId, waitingSince)) < now) tally(providerId).overdueNow += 1;
  };
  for (const row of rows) {
    if (row.room_id !== room) {
      await closeRoom(room);
      room = row.room_id;
      waitingSince = null;
    }
    if (row.sender_role === 'client') {
      waitingSince ??= row.sent_at;
    } else if (waitingSince && row.provider_id) {
      const entry = tally(row.provider_id);
      entry.waits.push((row.sent_at.getTime() - waitingSince.getTime()) / 1000);
      if (row.sent_at > (await replyByFor(row.provider_id, waitingSince))) entry.breaches += 1;
      waitingSince = null;
    }
  }
  await closeRoom(room);

  const names = await db
    .selectFrom('providers')
    .select(['id', 'first_name', 'last_name'])
    .where('id', 'in', [...tallies.keys(), '00000000-0000-0000-0000-000000000000'])
    .execute();
  return {
    windowDays: WINDOW_DAYS,
    providers: names
      .map((p) => {
        const entry = tallies.get(p.id)!;
        const sorted = [...entry.waits].sort((a, b) => a - b);
        return {
          providerId: p.id,
          name: `${p.first_name} ${p.last_name}`,
          replies: sorted.length,
          medianSeconds: percentile(sorted, 0.5),
          p90Seconds: percentile(sorted, 0.9),
          breaches: entry.breaches,
          overdueNow: entry.overdueNow,
        };
      })
      .sort((a, b) => b.overdueNow - a.overdueNow || b.breaches - a.breaches || (b.p90Seconds ?? 0) - (a.p90Seconds ?? 0)),
  };
}
