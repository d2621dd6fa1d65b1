// The live stream never skips: with eight senders writing to one room at once, a socket open on
// that room receives every sequence exactly once and in order. Publishing happens after commit,
// so two sends can publish in the opposite order to their sequences; the socket must fill the gap
// from the database rather than skip the earlier one.
import { randomUUID } from 'node:crypto';
import type { Message, ServerFrame } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import { aMatchedClient } from '../apps/server/src/testing/clients.ts';
import { useTestApp } from '../apps/server/src/testing/harness.ts';
import { connectLive } from '../apps/server/src/testing/live-socket.ts';
import { insertProvider, signInAsProvider } from '../apps/server/src/testing/network.ts';
import { callerFor } from '../apps/server/src/modules/identity/identity.policy.ts';
import { sendText } from '../apps/server/src/modules/room/room.service.ts';

const long = process.env.HAVEN_PROOF === 'long';
const SENDERS = 8;
// CI: 2,000 messages in all (the finding's figure); long mode: 2,000 from each sender.
const PER_SENDER = long ? 2_000 : 250;
const haven = useTestApp({ listen: true });

const seqsIn = (frames: ServerFrame[]) =>
  frames.filter((f): f is { type: 'message'; message: Message } => f.type === 'message').map((f) => f.message.seq);

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('the live stream under concurrent senders', () => {
  it(`delivers ${SENDERS} × ${PER_SENDER} messages to an open socket, each once and in order`, async () => {
    const provider = await insertProvider(haven.db, { states: ['OR'] });
    const client = await aMatchedClient(haven, { state: 'OR' }, { expectProvider: provider.id });
    const providerCookie = await signInAsProvider(haven.app, provider.id);
    const { user_id: providerUserId } = await haven.db
      .selectFrom('providers')
      .select('user_id')
      .where('id', '=', provider.id)
      .executeTakeFirstOrThrow();
    const users = await haven.db.selectFrom('users').selectAll().where('id', 'in', [client.userId, providerUserId!]).execute();
    expect(users).toHaveLength(2);

    const tab = await connectLive(haven.baseUrl, providerCookie);
    tab.send({ type: 'subscribe', roomId: client.roomId, afterSeq: 0 });
    await tab.next((f) => f.type === 'subscribed');

    // Half the senders are the client's tabs, half the provider's: each loop sends one after another.
    const total = SENDERS * PER_SENDER;
    await Promise.all(
      Array.from({ length: SENDERS }, async (_, sender) => {
        const caller = callerFor(haven.app.context, users[sender % users.length]!);
        for (let i = 0; i < PER_SENDER; i += 1) {
          await sendText(caller, client.roomId, { clientMessageId: randomUUID(), text: `Sender ${sender}, message ${i}.` });
        }
      }),
    );
    await until(() => seqsIn(tab.frames).length >= total, 30_000);
    tab.socket.close();

    const received = seqsIn(tab.frames);
    const missing = total - new Set(received).size;
    console.error(`live order: ${received.length} frames for ${total} messages, ${missing} missing`);
    expect(received).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });
});
