import type { ClientFrame, Message, RoomView, ServerFrame } from '@haven/contract';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../api/client.ts';
import { GAP_PAGE_SIZE, GAP_PAGES, LiveRoom, type RoomApi } from './liveRoom.ts';
import * as log from './messageLog.ts';
import { LiveSocket, type SocketLike } from '../live/liveSocket.ts';

const ME = '00000000-0000-4000-8000-000000000001';
const THEM = '00000000-0000-4000-8000-000000000002';
const ROOM = '00000000-0000-4000-8000-0000000000aa';

/** A room on a pretend server: its messages, and the sockets following it. */
class FakeServer {
  messages: Message[] = [];
  sockets: FakeSocket[] = [];
  subscriptions: number[] = [];
  /** Like the real server, a subscription sends the newest this many missed messages at most. */
  backfillLimit = 200;
  earlierFetched: number[] = [];

  add(from: string, text: string, clientMessageId: string = crypto.randomUUID()): Message {
    const seq = this.messages.length + 1;
    const message: Message = {
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      roomId: ROOM,
      seq,
      senderId: from,
      senderRole: from === ME ? 'client' : 'provider',
      senderName: from === ME ? 'Dana' : 'Rosa',
      clientMessageId,
      kind: 'text',
      text,
      attachment: null,
      liveSessionId: null,
      sentAt: new Date(Date.UTC(2025, 0, 1, 0, seq)).toISOString(),
      starred: false,
    };
    this.messages.push(message);
    for (const socket of this.sockets) if (socket.subscribed) socket.deliver({ type: 'message', message });
    return message;
  }

  /** GET /messages?before=: the newest `limit` messages before `before`. */
  earlier(before: number, limit: number) {
    this.earlierFetched.push(before);
    const messages = this.messages.filter((m) => m.seq < before).slice(-limit);
    return { messages, hasEarlier: (messages[0]?.seq ?? 1) > 1 };
  }

  view(): RoomView {
    return {
      roomId: ROOM,
      you: 'client',
      clientName: 'Dana',
      provider: null,
      messages: this.messages.slice(-50),
      hasEarlier: this.messages.length > 50,
      readUpTo: { mine: 0, theirs: 0 },
      replyBy: null,
      sharedFiles: [],
    };
  }
}

class FakeSocket implements SocketLike {
  readyState = 0;
  subscribed = false;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  sent: ClientFrame[] = [];

  constructor(
    private readonly server: FakeServer,
    reachable: boolean,
  ) {
    server.sockets.push(this);
    setTimeout(() => {
      if (!reachable) return this.drop(1006);
      this.readyState = 1;
      this.onopen?.({});
      this.deliver({ type: 'hello', pingSeconds: 25 });
    }, 10);
  }

  send(data: string): void {
    const frame = JSON.parse(data) as ClientFrame;
    this.sent.push(frame);
    if (frame.type === 'unsubscribe') this.subscribed = false;
    if (frame.type !== 'subscribe') return;
    this.server.subscriptions.push(frame.afterSeq);
    const missed = this.server.messages.filter((m) => m.seq > frame.afterSeq);
    const sent = missed.slice(-this.server.backfillLimit);
    for (const message of sent) this.deliver({ type: 'message', message });
    this.subscribed = true;
    const olderBefore = sent.length < missed.length ? sent[0]!.seq : null;
    this.deliver({ type: 'subscribed', roomId: frame.roomId, upToSeq: this.server.messages.length, olderBefore });
  }

  deliver(frame: ServerFrame): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  close(): void {
    this.drop(1000);
  }

  drop(code: number): void {
    this.readyState = 3;
    this.subscribed = false;
    this.onclose?.({ code });
  }
}

let server: FakeServer;
let reachable: boolean;
let api: RoomApi;

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeServer();
  reachable = true;
  api = {
    fetchRoomView: () => Promise.resolve(server.view()),
    fetchEarlier: (_room, before, limit = 50) => Promise.resolve(server.earlier(before, limit)),
    postText: (_room, clientMessageId, text) => Promise.resolve(server.add(ME, text, clientMessageId)),
    postUpload: () => Promise.reject(new ApiFailure(422, { code: 'invalid_media' })),
    postRead: () => Promise.resolve(),
    postStar: () => Promise.resolve(),
  };
});
afterEach(() => vi.useRealTimers());

function openRoom() {
  // No jitter here: the waits are the ceilings, 1 s, 2 s, 4 s…
  const live = new LiveSocket({ openSocket: () => new FakeSocket(server, reachable), random: () => 1 });
  const room = new LiveRoom(ROOM, ME, { api, live, isVisible: () => true });
  room.start();
  return room;
}

const texts = (room: LiveRoom) => room.getSnapshot().log.messages.map((m) => m.text);

describe('a live room', () => {
  it('after the socket drops, shows every message sent meanwhile exactly once and in order', async () => {
    server.add(THEM, 'one');
    const room = openRoom();
    await vi.advanceTimersByTimeAsync(20);
    expect(room.getSnapshot().connection).toBe('live');
    expect(server.subscriptions).toEqual([1]);
    server.add(THEM, 'two');

    // The network goes; two attempts fail (1 s, then 2 s later) while three messages arrive.
    reachable = false;
    server.sockets.at(-1)!.drop(1006);
    expect(room.getSnapshot().connection).toBe('reconnecting');
    for (const text of ['three', 'four', 'five']) server.add(THEM, text);
    await vi.advanceTimersByTimeAsync(1_020);
    expect(server.sockets).toHaveLength(2);
    reachable = true;
    await vi.advanceTimersByTimeAsync(2_020);

    expect(room.getSnapshot().connection).toBe('live');
    expect(server.subscriptions).toEqual([1, 2]);
    expect(texts(room)).toEqual(['one', 'two', 'three', 'four', 'five']);
    server.add(THEM, 'six');
    expect(texts(room)).toEqual(['one', 'two', 'three', 'four', 'five', 'six']);
    room.stop();
  });

  it('fetches over HTTP what a bounded backfill left out, so nothing missed is skipped', async () => {
    server.add(THEM, 'first');
    const room = openRoom();
    await vi.advanceTimersByTimeAsync(20);
    reachable = false;
    server.sockets.at(-1)!.drop(1006);
    for (let i = 2; i <= 451; i += 1) server.add(THEM, `missed ${i}`);
    reachable = true;
    await vi.advanceTimersByTimeAsync(1_020);

    // The socket sent 252…451; two pages of 200 (before 252, before 52) fill 2…251.
    expect(server.subscriptions).toEqual([1, 1]);
    expect(server.earlierFetched).toEqual([252, 52]);
    const seqs = room.getSnapshot().log.messages.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: 451 }, (_, i) => i + 1));
    room.stop();
  });

  it('keeps the newest part when too much was missed to fetch, and loads the rest on request', async () => {
    server.add(THEM, 'first');
    const room = openRoom();
    await vi.advanceTimersByTimeAsync(20);
    reachable = false;
    server.sockets.at(-1)!.drop(1006);
    const missed = GAP_PAGE_SIZE * GAP_PAGES + 500;
    for (let i = 0; i < missed; i += 1) server.add(THEM, `missed ${i}`);
    reachable = true;
    await vi.advanceTimersByTimeAsync(1_020);

    const snapshot = room.getSnapshot().log;
    const seqs = snapshot.messages.map((m) => m.seq);
    // No hole: the newest backfill plus five pages, the first message left for "load earlier".
    expect(seqs).toEqual(
      Array.from({ length: 200 + GAP_PAGE_SIZE * GAP_PAGES }, (_, i) => missed + 1 - 200 - GAP_PAGE_SIZE * GAP_PAGES + i + 1),
    );
    expect(snapshot.hasEarlier).toBe(true);
    expect(log.unbrokenSeq(snapshot)).toBe(missed + 1);
    expect(await room.loadEarlier()).toBe(50);
    room.stop();
  });

  it('fills the gap when my own send was answered while the socket was down', async () => {
    server.add(THEM, 'one');
    const room = openRoom();
    await vi.advanceTimersByTimeAsync(20);
    reachable = false;
    server.sockets.at(-1)!.drop(1006);
    server.add(THEM, 'two');
    room.sendText('three, from me');
    await vi.advanceTimersByTimeAsync(0);
    expect(texts(room)).toEqual(['one', 'three, from me']);
    reachable = true;
    await vi.advanceTimersByTimeAsync(1_020);
    expect(server.subscriptions).toEqual([1, 1]);
    expect(texts(room)).toEqual(['one', 'two', 'three, from me']);
    room.stop();
  });

  it('shows a sent message once, whether the answer or the socket brings it first', async () => {
    const room = openRoom();
    await vi.advanceTimersByTimeAsync(20);
    // The pretend server publishes before it answers: the socket brings the message first.
    room.sendText('hello');
    await vi.advanceTimersByTimeAsync(0);
    expect(texts(room)).toEqual(['hello']);
    expect(room.getSnapshot().log.pending).toHaveLength(0);
    // Now the answer first: the socket is down, and brings the message again when it is back.
    server.sockets.at(-1)!.drop(1006);
    room.sendText('again');
    await vi.advanceTimersByTimeAsync(0);
    expect(texts(room)).toEqual(['hello', 'again']);
    await vi.advanceTimersByTimeAsync(1_020);
    expect(server.subscriptions).toEqual([0, 2]);
    expect(texts(room)).toEqual(['hello', 'again']);
    room.stop();
  });

  it('keeps a failed send, and retries it under the same id', async () => {
    const room = openRoom();
    await vi.advanceTimersByTimeAsync(20);
    const ids: string[] = [];
    let fail = true;
    api.postText = (_room, clientMessageId, text) => {
      ids.push(clientMessageId);
      return fail ? Promise.reject(new ApiFailure(0, { code: 'unavailable' })) : Promise.resolve(server.add(ME, text, clientMessageId));
    };
    room.sendText('are you there?');
    await vi.advanceTimersByTimeAsync(0);
    const [failed] = room.getSnapshot().log.pending;
    expect(failed).toMatchObject({ status: 'failed', failure: 'unavailable' });
    fail = false;
    room.retry(failed!.clientMessageId);
    await vi.advanceTimersByTimeAsync(0);
    expect(ids).toEqual([failed!.clientMessageId, failed!.clientMessageId]);
    expect(texts(room)).toEqual(['are you there?']);
    expect(room.getSnapshot().log.pending).toHaveLength(0);
    room.stop();
  });

  it("marks the other side's messages read, shows their typing for a while, and their read position", async () => {
    server.add(THEM, 'hi');
    const reads: number[] = [];
    api.postRead = (_room, seq) => {
      reads.push(seq);
      return Promise.resolve();
    };
    const room = openRoom();
    await vi.advanceTimersByTimeAsync(20);
    // Read as soon as the room is shown (over HTTP, before the socket is live), and only once.
    expect(reads).toEqual([1]);
    const socket = server.sockets.at(-1)!;
    server.add(THEM, 'are you there?');
    expect(socket.sent).toContainEqual({ type: 'read', roomId: ROOM, seq: 2 });
    expect(reads).toEqual([1]);
    socket.deliver({ type: 'typing', roomId: ROOM, userId: THEM });
    expect(room.getSnapshot().theyAreTyping).toBe(true);
    await vi.advanceTimersByTimeAsync(5_100);
    expect(room.getSnapshot().theyAreTyping).toBe(false);
    socket.deliver({ type: 'read', roomId: ROOM, userId: THEM, seq: 1 });
    expect(room.getSnapshot().log.theirReadSeq).toBe(1);
    expect(room.getSnapshot().log.myReadSeq).toBe(2);
    room.stop();
  });
});
