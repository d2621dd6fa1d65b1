import { EventEmitter, once } from 'node:events';
import { Redis } from 'ioredis';

type Listener = (payload: string) => void;

/**
 * Carries live events (new messages, read receipts, typing) to every server instance that has
 * a socket in the room. In one process it is an in-memory emitter; with REDIS_URL set, instances
 * share it through Redis pub/sub, so any number of stateless servers deliver to each other's tabs.
 */
export interface LiveBus {
  publish(channel: string, payload: string): Promise<void>;
  /** Returns a function that stops listening. */
  subscribe(channel: string, listener: Listener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export function inProcessLiveBus(): LiveBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(channel, payload) {
      emitter.emit(channel, payload);
      return Promise.resolve();
    },
    subscribe(channel, listener) {
      emitter.on(channel, listener);
      return Promise.resolve(() => {
        emitter.off(channel, listener);
        return Promise.resolve();
      });
    },
    close() {
      emitter.removeAllListeners();
      return Promise.resolve();
    },
  };
}

/** Redis pub/sub: one publishing and one subscribing connection per process. */
export function redisLiveBus(url: string): LiveBus {
  const publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const local = new EventEmitter();
  local.setMaxListeners(0);
  // Sockets still closing after shutdown began stop listening on connections that are gone.
  let closed = false;
  subscriber.on('message', (channel: string, payload: string) => local.emit(channel, payload));
  return {
    async publish(channel, payload) {
      await publisher.publish(channel, payload);
    },
    async subscribe(channel, listener) {
      // A subscribe sent while the connection still runs its ready check is refused by Redis.
      if (subscriber.status !== 'ready') await once(subscriber, 'ready');
      if (local.listenerCount(channel) === 0) await subscriber.subscribe(channel);
      local.on(channel, listener);
      return async () => {
        local.off(channel, listener);
        if (!closed && local.listenerCount(channel) === 0) await subscriber.unsubscribe(channel);
      };
    },
    async close() {
      closed = true;
      local.removeAllListeners();
      await Promise.all([publisher.quit(), subscriber.quit()]);
    },
  };
}
