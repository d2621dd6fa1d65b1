import { randomUUID } from 'node:crypto';
import type { Message, ServerFrame } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import type { LiveBus } from '../../platform/events/live-bus.ts';
import { aMatchedClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { connectLive } from '../../testing/live-socket.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';
import { callerFor } from '../identity/identity.policy.ts';
import { sendText } from './room.service.ts';

const haven = useTestApp({ listen: true });

const seqsIn = (frames: ServerFrame[]) =>
  frames.filter((f): f is { type: 'message'; message: Message } => f.type === 'message').map((f) => f.message.seq);

/**
 * The app's own live bus, with publishes held back until `release` lets them through in the
 * order given: two senders whose commits finish in one order and whose publishes in the other.
 */
function heldBack(bus: LiveBus) {
  const held: Array<[string, string]> = [];
  const holding: LiveBus = { ...bus, publish: (channel, payload) => Promise.resolve(void held.push([channel, payload])) };
  const release = async (order: number[]) => {
    for (const index of order) await bus.publish(...held[index]!);
  };
  return { holding, release };
}

describe('a socket open on a room', () => {
  it('receives a message published before an earlier one once and in order, missing neither', async () => {
    const provider = await insertProvider(haven.db, { states: ['OR'] });
    const client = await aMatchedClient(haven, { state: 'OR' }, { expectProvider: provider.id });
    const tab = await connectLive(haven.baseUrl, await signInAsProvider(haven.app, provider.id));
    tab.send({ type: 'subscribe', roomId: client.roomId, afterSeq: 0 });
    await tab.next((f) => f.type === 'subscribed');

    const user = await haven.db.selectFrom('users').selectAll().where('id', '=', client.userId).executeTakeFirstOrThrow();
    const { holding, release } = heldBack(haven.app.context.live);
    const caller = callerFor({ ...haven.app.context, live: holding }, user);
    for (const text of ['First, stored as 1.', 'Second, stored as 2.', 'Third, stored as 3.']) {
      await sendText(caller, client.roomId, { clientMessageId: randomUUID(), text });
    }
    // Sequence 3 is published first, then 1, then 2.
    await release([2, 0, 1]);
    // A fourth, published normally: the socket handles its frames one after another, so once it
    // is here, everything published before it has been handled.
    await sendText(callerFor(haven.app.context, user), client.roomId, { clientMessageId: randomUUID(), text: 'Fourth.' });
    await tab.next((f) => f.type === 'message' && f.message.seq === 4);
    expect(seqsIn(tab.frames)).toEqual([1, 2, 3, 4]);
    tab.socket.close();
  });
});
