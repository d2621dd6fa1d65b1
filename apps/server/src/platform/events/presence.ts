import { Redis } from 'ioredis';

/**
 * Who has a live tab open, so a person reading their room is not also sent a bell notice and an
 * email. In one process it is a count per user; with REDIS_URL set every instance writes its own
 * sockets into a sorted set per user (member: the instance, score: until when it vouches for them),
 * refreshed while the socket lives, so a worker on another machine — or an instance that died —
 * reads the truth within one lease.
 */
export interface Presence {
  connected(userId: string): void;
  disconnected(userId: string): void;
  isOnline(userId: string): Promise<boolean>;
  close(): Promise<void>;
}

export function inProcessPresence(): Presence {
  const sockets = new Map<string, number>();
  return {
    connected: (userId) => void sockets.set(userId, (sockets.get(userId) ?? 0) + 1),
    disconnected(userId) {
      const left = (sockets.get(userId) ?? 1) - 1;
      if (left > 0) sockets.set(userId, left);
      else sockets.delete(userId);
    },
    isOnline: (userId) => Promise.resolve((sockets.get(userId) ?? 0) > 0),
    close: () => Promise.resolve(),
  };
}

const LEASE_MS = 60_000;
const REFRESH_MS = 20_000;
const key = (userId: string) => `haven:presence:${userId}`;

export function redisPresence(url: string, instanceId: string): Presence {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  const local = inProcessPresence();
  const mine = new Map<string, number>();
  const vouch = (userId: string) => redis.zadd(key(userId), Date.now() + LEASE_MS, instanceId).then(() => undefined);
  const refresh = setInterval(() => {
    for (const userId of mine.keys()) void vouch(userId).catch(() => undefined);
  }, REFRESH_MS);
  refresh.unref();
  return {
    connected(userId) {
      local.connected(userId);
      mine.set(userId, (mine.get(userId) ?? 0) + 1);
      void vouch(userId).catch(() => undefined);
    },
    disconnected(userId) {
      local.disconnected(userId);
      const left = (mine.get(userId) ?? 1) - 1;
      if (left > 0) return void mine.set(userId, left);
      mine.delete(userId);
      void redis.zrem(key(userId), instanceId).catch(() => undefined);
    },
    async isOnline(userId) {
      if (await local.isOnline(userId)) return true;
      return (await redis.zcount(key(userId), Date.now(), '+inf')) > 0;
    },
    async close() {
      clearInterval(refresh);
      await Promise.all([...mine.keys()].map((userId) => redis.zrem(key(userId), instanceId)));
      await redis.quit();
    },
  };
}
