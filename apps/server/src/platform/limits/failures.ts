// Failures counted per key (an account's sign-in, say), so that a limit holds whichever address
// the attempts come from, and on every instance when Redis is there. A count lapses after its
// window has passed with no new failure.
import { Redis } from 'ioredis';

export type FailureState = { failures: number; lastAt: number };

export type FailureCounter = {
  /** The failures on record for `key`, or null when there are none. */
  read(key: string): Promise<FailureState | null>;
  /** Records one failure now; the count lapses `windowSeconds` after the latest one. */
  fail(key: string, windowSeconds: number, now: number): Promise<FailureState>;
  clear(key: string): Promise<void>;
  close(): Promise<void>;
};

export function memoryFailureCounter(): FailureCounter {
  const entries = new Map<string, FailureState & { until: number }>();
  const live = (key: string, now: number) => {
    const entry = entries.get(key);
    if (entry && entry.until <= now) entries.delete(key);
    return entries.get(key);
  };
  return {
    read: (key) => {
      const entry = live(key, Date.now());
      return Promise.resolve(entry ? { failures: entry.failures, lastAt: entry.lastAt } : null);
    },
    fail: (key, windowSeconds, now) => {
      const failures = (live(key, now)?.failures ?? 0) + 1;
      entries.set(key, { failures, lastAt: now, until: now + windowSeconds * 1000 });
      return Promise.resolve({ failures, lastAt: now });
    },
    clear: (key) => {
      entries.delete(key);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

export function redisFailureCounter(url: string, prefix = 'haven:failures:'): FailureCounter {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const keyOf = (key: string) => prefix + key;
  return {
    async read(key) {
      const [failures, lastAt] = await redis.hmget(keyOf(key), 'failures', 'lastAt');
      return failures && lastAt ? { failures: Number(failures), lastAt: Number(lastAt) } : null;
    },
    async fail(key, windowSeconds, now) {
      const replies = await redis
        .multi()
        .hincrby(keyOf(key), 'failures', 1)
        .hset(keyOf(key), 'lastAt', now)
        .expire(keyOf(key), windowSeconds)
        .exec();
      return { failures: Number(replies?.[0]?.[1] ?? 1), lastAt: now };
    },
    async clear(key) {
      await redis.del(keyOf(key));
    },
    async close() {
      await redis.quit();
    },
  };
}
