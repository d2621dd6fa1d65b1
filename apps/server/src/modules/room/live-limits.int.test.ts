import { randomUUID } from 'node:crypto';
import { socketCloseCodes, type Message, type ServerFrame } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { aMatchedClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { connectLive } from '../../testing/live-socket.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';
import { callerFor } from '../identity/identity.policy.ts';
import { sendText } from './room.service.ts';

// The defaults: a subscription backfills the newest 200 messages, a socket subscribes 30 times a minute.
const BACKFILL = 200;
const SUBSCRIBES = 30;
const haven = useTestApp({ listen: true });

/** A room holding `count` messages from the client, written through the service (no HTTP limit in the way). */
async function roomWith(count: number) {
  const provider = await insertProvider(haven.db, { states: ['OR'] });
  const client = await aMatchedClient(haven, { state: 'OR' }, { expectProvider: provider.id });
  const user = await haven.db.selectFrom('users').selectAll().where('id', '=', client.userId).executeTakeFirstOrThrow();
  for (let i = 1; i <= count; i += 1) {
    await sendText(callerFor(haven.app.context, user), client.roomId, { clientMessageId: randomUUID(), text: `Entry ${i} of my journal.` });
  }
  return { client: client.cookie, provider: await signInAsProvider(haven.app, provider.id), roomId: client.roomId };
}

const messagesIn = (frames: ServerFrame[]) => frames.filter((f): f is { type: 'message'; message: Message } => f.type === 'message');
const closed = (socket: WebSocket) => new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

describe('the live socket’s backfill', () => {
  it('sends the newest 200 missed messages, says where older ones start, and those come over HTTP paging', async () => {
    const { client, roomId } = await roomWith(BACKFILL + 50);
    const tab = await connectLive(haven.baseUrl, client);
    tab.send({ type: 'subscribe', roomId, afterSeq: 10 });
    const subscribed = await tab.next((f) => f.type === 'subscribed');
    const sent = messagesIn(tab.frames).map((f) => f.message.seq);
    expect(sent).toEqual(Array.from({ length: BACKFILL }, (_, i) => 51 + i));
    expect(subscribed).toEqual({ type: 'subscribed', roomId, upToSeq: 250, olderBefore: 51 });

    // What was left out (11…50) is one HTTP page away.
    const page = await haven.as(client).get(`/api/rooms/${roomId}/messages?before=51&limit=40`);
    expect(page.json<{ messages: Message[] }>().messages.map((m) => m.seq)).toEqual(Array.from({ length: 40 }, (_, i) => 11 + i));

    // Nothing left out: no gap to report.
    tab.send({ type: 'subscribe', roomId, afterSeq: 100 });
    expect(await tab.next((f) => f.type === 'subscribed')).toMatchObject({ upToSeq: 250, olderBefore: null });
    tab.send({ type: 'subscribe', roomId, afterSeq: 250 });
    expect(await tab.next((f) => f.type === 'subscribed')).toMatchObject({ upToSeq: 250, olderBefore: null });
    expect(messagesIn(tab.frames)).toHaveLength(BACKFILL + 150);
    tab.socket.close();
  });

  it('still delivers, with no gap, what is sent while a bounded backfill is under way', async () => {
    const { client, provider, roomId } = await roomWith(BACKFILL + 5);
    const tab = await connectLive(haven.baseUrl, client);
    tab.send({ type: 'subscribe', roomId, afterSeq: 0 });
    const reply = await haven.as(provider).post(`/api/rooms/${roomId}/messages`, { clientMessageId: randomUUID(), text: 'I read it.' });
    expect(reply.statusCode).toBe(201);
    await tab.next((f) => f.type === 'message' && f.message.seq === BACKFILL + 6);
    await tab.next((f) => f.type === 'subscribed');
    // The reply lands before or during the backfill: either way each message once, in order, none missing.
    const seqs = messagesIn(tab.frames).map((f) => f.message.seq);
    const first = seqs[0]!;
    expect([6, 7]).toContain(first);
    expect(seqs).toEqual(Array.from({ length: BACKFILL + 7 - first }, (_, i) => first + i));
    tab.socket.close();
  });
});

describe('subscribe frames on one socket', () => {
  it('are answered 30 a minute; past that they are refused with rate_limited and no work is done', async () => {
    const { client, roomId } = await roomWith(BACKFILL + 50);
    const tab = await connectLive(haven.baseUrl, client);
    for (let i = 0; i < SUBSCRIBES + 10; i += 1) tab.send({ type: 'subscribe', roomId, afterSeq: 0 });
    // A ping is answered after every subscribe sent before it is done.
    tab.send({ type: 'ping' });
    await tab.next((f) => f.type === 'pong');

    expect(tab.frames.filter((f) => f.type === 'subscribed')).toHaveLength(SUBSCRIBES);
    const refused = tab.frames.filter((f) => f.type === 'error');
    expect(refused).toHaveLength(10);
    expect(refused[0]).toMatchObject({ code: 'rate_limited', roomId, message: expect.stringMatching(/30 subscribes a minute/) });
    // 30 backfills of the newest 200, where every frame used to stream all 250.
    expect(messagesIn(tab.frames)).toHaveLength(SUBSCRIBES * BACKFILL);
    expect(tab.socket.readyState).toBe(tab.socket.OPEN);
    tab.socket.close();
  });

  it('100 of them do a bounded amount of work, and the socket that keeps on is closed for policy', async () => {
    const { client, roomId } = await roomWith(BACKFILL + 50);
    const tab = await connectLive(haven.baseUrl, client);
    const closing = closed(tab.socket);
    // 8 KB of frames; before these limits they streamed 100 × 250 = 25,000 messages.
    for (let i = 0; i < 100; i += 1) tab.send({ type: 'subscribe', roomId, afterSeq: 0 });
    expect(await closing).toBe(socketCloseCodes.policy);
    expect(messagesIn(tab.frames).length).toBeLessThanOrEqual(SUBSCRIBES * BACKFILL);
    expect(tab.frames.filter((f) => f.type === 'error' && f.code === 'rate_limited')).toHaveLength(SUBSCRIBES);

    // The server is still there for everyone else, this person included.
    const again = await connectLive(haven.baseUrl, client);
    again.send({ type: 'subscribe', roomId, afterSeq: 249 });
    expect(await again.next((f) => f.type === 'subscribed')).toMatchObject({ upToSeq: 250, olderBefore: null });
    again.socket.close();
  });
});
