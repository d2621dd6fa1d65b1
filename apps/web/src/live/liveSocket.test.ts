import type { ClientFrame, ServerFrame } from '@haven/contract';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveSocket, roomTopic, sessionTopic, type Follower, type LinkState, type SocketLike } from './liveSocket.ts';
import { onNotificationCount } from './notificationCount.ts';

const ROOM = '00000000-0000-4000-8000-0000000000aa';
const SESSION = '00000000-0000-4000-8000-0000000000bb';

/** A socket that opens after 10 ms unless the network is down, and may go silent (half-open). */
class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  sent: ClientFrame[] = [];
  closedByTab = false;

  constructor(reachable: boolean) {
    setTimeout(() => {
      if (hanging) return;
      if (!reachable) return this.drop(1006);
      this.readyState = 1;
      this.onopen?.({});
    }, 10);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientFrame);
  }

  deliver(frame: ServerFrame): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  close(): void {
    this.closedByTab = true;
    this.readyState = 3;
  }

  drop(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

let sockets: FakeSocket[];
let reachable: boolean;
let hanging: boolean;
const latest = () => sockets.at(-1)!;

function follower(topic: string, enter: () => ClientFrame, leave: ClientFrame) {
  const frames: ServerFrame[] = [];
  const links: LinkState[] = [];
  const me: Follower = { topic, enter, leave: () => leave, receive: (f) => frames.push(f), onLink: (l) => links.push(l) };
  return { me, frames, links };
}

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  reachable = true;
  hanging = false;
});
afterEach(() => vi.useRealTimers());

function liveSocket(random = () => 0.5, onSignedOut = () => undefined) {
  return new LiveSocket({
    onSignedOut,
    openSocket: () => {
      const socket = new FakeSocket(reachable);
      sockets.push(socket);
      return socket;
    },
    random,
  });
}

describe('the tab’s one live socket', () => {
  it('carries a room and a session on one socket, each hearing only its own frames', async () => {
    const live = liveSocket();
    let afterSeq = 3;
    const room = follower(roomTopic(ROOM), () => ({ type: 'subscribe', roomId: ROOM, afterSeq }), { type: 'unsubscribe', roomId: ROOM });
    const call = follower(sessionTopic(SESSION), () => ({ type: 'session.enter', sessionId: SESSION }), {
      type: 'session.leave',
      sessionId: SESSION,
    });
    const stopRoom = live.follow(room.me);
    const stopCall = live.follow(call.me);
    await vi.advanceTimersByTimeAsync(20);
    expect(sockets).toHaveLength(1);
    expect(latest().sent).toEqual([
      { type: 'subscribe', roomId: ROOM, afterSeq: 3 },
      { type: 'session.enter', sessionId: SESSION },
    ]);

    const counts: number[] = [];
    const stopCounting = onNotificationCount((unread) => counts.push(unread));
    latest().deliver({ type: 'hello', pingSeconds: 25 });
    latest().deliver({ type: 'subscribed', roomId: ROOM, upToSeq: 3, olderBefore: null });
    latest().deliver({ type: 'session.peer', sessionId: SESSION, present: true });
    latest().deliver({ type: 'error', code: 'forbidden', message: 'no', roomId: ROOM });
    latest().deliver({ type: 'notification', unread: 2 });
    latest().deliver({ type: 'error', code: 'validation_failed', message: 'odd frame' });
    stopCounting();
    expect(room.frames.map((f) => f.type)).toEqual(['subscribed', 'error', 'error']);
    expect(call.frames.map((f) => f.type)).toEqual(['session.peer', 'error']);
    expect(counts).toEqual([2]);

    // A ping is answered at once.
    latest().deliver({ type: 'ping' });
    expect(latest().sent.at(-1)).toEqual({ type: 'pong' });

    // Leaving one says so and keeps the socket; leaving the last closes it.
    stopRoom();
    expect(latest().sent.at(-1)).toEqual({ type: 'unsubscribe', roomId: ROOM });
    expect(latest().closedByTab).toBe(false);
    afterSeq = 9;
    stopCall();
    expect(latest().sent.at(-1)).toEqual({ type: 'session.leave', sessionId: SESSION });
    expect(latest().closedByTab).toBe(true);
  });

  it('notices a half-open socket within two ping intervals, reconnects and enters again from where it was', async () => {
    const live = liveSocket(() => 0.5);
    let afterSeq = 4;
    const room = follower(roomTopic(ROOM), () => ({ type: 'subscribe', roomId: ROOM, afterSeq }), { type: 'unsubscribe', roomId: ROOM });
    live.follow(room.me);
    await vi.advanceTimersByTimeAsync(20);
    latest().deliver({ type: 'hello', pingSeconds: 1 });
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(1_000);
      latest().deliver({ type: 'ping' });
    }
    expect(room.links.at(-1)).toBe('open');

    // The network goes silently: no close event, no frame.
    afterSeq = 7;
    await vi.advanceTimersByTimeAsync(1_999);
    expect(room.links.at(-1)).toBe('open');
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets[0]!.closedByTab).toBe(true);
    expect(room.links.at(-1)).toBe('reconnecting');
    // The first retry waits a jittered share of 1 s (here half), then subscribes after what it holds.
    await vi.advanceTimersByTimeAsync(499);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(11);
    expect(sockets).toHaveLength(2);
    expect(latest().sent).toEqual([{ type: 'subscribe', roomId: ROOM, afterSeq: 7 }]);
    expect(room.links.at(-1)).toBe('open');
    // Frames from the abandoned socket, should it wake, are ignored.
    sockets[0]!.deliver({ type: 'subscribed', roomId: ROOM, upToSeq: 1, olderBefore: null });
    expect(room.frames).toEqual([]);
  });

  it('abandons a handshake that never completes', async () => {
    const live = liveSocket(() => 0);
    live.follow(
      follower(roomTopic(ROOM), () => ({ type: 'subscribe', roomId: ROOM, afterSeq: 0 }), { type: 'unsubscribe', roomId: ROOM }).me,
    );
    await vi.advanceTimersByTimeAsync(20);
    latest().deliver({ type: 'hello', pingSeconds: 1 });
    // The next connection is accepted by TCP and then nothing: no open, no close.
    hanging = true;
    latest().drop(1006);
    await vi.advanceTimersByTimeAsync(20);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_970);
    expect(latest().closedByTab).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(sockets[1]!.closedByTab).toBe(true);
    expect(sockets).toHaveLength(3);
  });

  it('backs off further with every failed attempt, and starts afresh after a healthy connection', async () => {
    const live = liveSocket(() => 1);
    const room = follower(roomTopic(ROOM), () => ({ type: 'subscribe', roomId: ROOM, afterSeq: 0 }), { type: 'unsubscribe', roomId: ROOM });
    live.follow(room.me);
    await vi.advanceTimersByTimeAsync(20);
    reachable = false;
    latest().drop(1006);
    for (const [n, wait] of [1_000, 2_000, 4_000, 8_000].entries()) {
      await vi.advanceTimersByTimeAsync(wait - 20);
      expect(sockets).toHaveLength(n + 1);
      await vi.advanceTimersByTimeAsync(30);
      expect(sockets).toHaveLength(n + 2);
    }
    reachable = true;
    await vi.advanceTimersByTimeAsync(16_010);
    expect(sockets).toHaveLength(6);
    expect(room.links.at(-1)).toBe('open');
    // Lived to its first ping: the next loss waits 1 s again, not 20.
    latest().deliver({ type: 'hello', pingSeconds: 25 });
    latest().deliver({ type: 'ping' });
    latest().drop(1006);
    await vi.advanceTimersByTimeAsync(1_010);
    expect(sockets).toHaveLength(7);
  });

  it('stops for good when the server refuses the person, and says so', async () => {
    const signedOut = vi.fn();
    const live = liveSocket(undefined, signedOut);
    const room = follower(roomTopic(ROOM), () => ({ type: 'subscribe', roomId: ROOM, afterSeq: 0 }), { type: 'unsubscribe', roomId: ROOM });
    live.follow(room.me);
    await vi.advanceTimersByTimeAsync(20);
    latest().drop(4401);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    expect(room.links.at(-1)).toBe('closed');
    // The sign-in ended: the tab goes to the sign-in page rather than sit there.
    expect(signedOut).toHaveBeenCalledOnce();
  });

  it('does not send the person to sign in when only a topic is refused (4403)', async () => {
    const signedOut = vi.fn();
    const live = liveSocket(undefined, signedOut);
    const room = follower(roomTopic(ROOM), () => ({ type: 'subscribe', roomId: ROOM, afterSeq: 0 }), { type: 'unsubscribe', roomId: ROOM });
    live.follow(room.me);
    await vi.advanceTimersByTimeAsync(20);
    latest().drop(4403);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(room.links.at(-1)).toBe('closed');
    expect(signedOut).not.toHaveBeenCalled();
  });
});
