import { describe, expect, it } from 'vitest';
import { testRedisUrl } from '../config.ts';
import { redisLiveBus } from './live-bus.ts';

const redisUrl = testRedisUrl();

describe.skipIf(!redisUrl)('the Redis live bus', () => {
  it('carries a payload to a listener and stops when told', async () => {
    const bus = redisLiveBus(redisUrl!);
    const heard: string[] = [];
    const stop = await bus.subscribe('haven:test:bus', (payload) => heard.push(payload));
    await bus.publish('haven:test:bus', 'one');
    await expect.poll(() => heard).toEqual(['one']);
    await stop();
    await bus.publish('haven:test:bus', 'two');
    await bus.close();
    expect(heard).toEqual(['one']);
  });

  // A socket that finishes closing after shutdown began stops listening on a connection that is
  // gone; that must not reject (an unhandled rejection fails the run and would crash a server).
  it('lets a listener stop after the bus has closed', async () => {
    const bus = redisLiveBus(redisUrl!);
    const stop = await bus.subscribe('haven:test:late', () => undefined);
    await bus.close();
    await expect(stop()).resolves.toBeUndefined();
  });
});
