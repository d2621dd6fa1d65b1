// The tab's one live socket (/api/live). The room, a live session's signaling and the bell's
// unread count all travel over it, each frame tagged with the room or session it is about. A part
// of the page follows a topic; on every (re)connection the socket sends each follower's `enter`
// frame again (a room's carries the last sequence it holds, so the server sends what was missed
// before anything new). It reconnects with full-jitter backoff, answers the server's pings, and
// treats two ping intervals of silence as a dead socket.
import { socketCloseCodes, type ClientFrame, type ServerFrame } from '@haven/contract';
import { backoffDelay } from './backoff.ts';
import { emitNotificationCount } from './notificationCount.ts';
import { Watchdog } from './watchdog.ts';

/** The part of a browser WebSocket the live socket uses (a fake one in tests). */
export type SocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
};

/** `closed`: refused (signed out, or not allowed), or nobody follows anything. */
export type LinkState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** A room or session a part of the page follows over the socket. */
export type Follower = {
  /** `room:<id>` or `session:<id>` (roomTopic, sessionTopic). */
  topic: string;
  /** Sent on every (re)connection. */
  enter(): ClientFrame;
  /** Sent when the page stops following, if the socket is open. */
  leave(): ClientFrame;
  receive(frame: ServerFrame): void;
  onLink(state: LinkState): void;
};

export const roomTopic = (roomId: string) => `room:${roomId}`;
export const sessionTopic = (sessionId: string) => `session:${sessionId}`;

/** Until the server's hello says otherwise. */
const DEFAULT_PING_MS = 25_000;
const OPEN = 1;

/** Which follower a frame is for; null for the socket itself, or (an untagged error) for everyone. */
export function topicOf(frame: ServerFrame): string | null {
  switch (frame.type) {
    case 'message':
      return roomTopic(frame.message.roomId);
    case 'read':
    case 'typing':
    case 'subscribed':
      return roomTopic(frame.roomId);
    case 'session.entered':
    case 'session.peer':
    case 'signal':
    case 'session.changed':
      return sessionTopic(frame.sessionId);
    case 'error':
      if (frame.roomId) return roomTopic(frame.roomId);
      return frame.sessionId ? sessionTopic(frame.sessionId) : null;
    default:
      return null;
  }
}

export function liveUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;
}

type Options = {
  openSocket?: () => SocketLike;
  /** For the backoff's jitter. */
  random?: () => number;
  /** The server closed the socket because the sign-in ended (4401): by default, a full load of the sign-in page. */
  onSignedOut?: () => void;
};

export class LiveSocket {
  private readonly followers = new Set<Follower>();
  private readonly openSocket: () => SocketLike;
  private readonly random: () => number;
  private readonly onSignedOut: () => void;
  private readonly watchdog = new Watchdog(() => this.silent(), DEFAULT_PING_MS);
  private socket: SocketLike | null = null;
  private running = false;
  private attempts = 0;
  private pinged = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private link: LinkState = 'closed';
  private readonly retryNow = () => {
    if (this.running && this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.connect();
    }
  };

  constructor(options: Options = {}) {
    this.openSocket = options.openSocket ?? (() => new WebSocket(liveUrl()) as unknown as SocketLike);
    this.random = options.random ?? Math.random;
    // A full page load leaves nothing of the ended account in memory, as signing out does.
    this.onSignedOut = options.onSignedOut ?? (() => window.location.assign('/sign-in'));
  }

  /** Follows a topic until the returned function is called; the socket opens with the first. */
  follow(follower: Follower): () => void {
    this.followers.add(follower);
    if (!this.running) this.start();
    else if (this.link === 'open') this.send(follower.enter());
    follower.onLink(this.link);
    return () => this.unfollow(follower);
  }

  /** Sends when the socket is open; false when it could not be sent. */
  send(frame: ClientFrame): boolean {
    if (!this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  private unfollow(follower: Follower): void {
    if (!this.followers.delete(follower)) return;
    this.send(follower.leave());
    if (this.followers.size === 0) this.shutdown();
  }

  private start(): void {
    this.running = true;
    this.attempts = 0;
    globalThis.addEventListener?.('online', this.retryNow);
    this.setLink('connecting');
    this.connect();
  }

  /** Nobody follows anything: close, so the tab stops counting as online. */
  private shutdown(): void {
    this.running = false;
    globalThis.removeEventListener?.('online', this.retryNow);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.drop()?.close(1000, 'Nothing to follow.');
    this.link = 'closed';
  }

  private setLink(state: LinkState): void {
    if (state === this.link) return;
    this.link = state;
    for (const follower of [...this.followers]) follower.onLink(state);
  }

  private connect(): void {
    let socket: SocketLike;
    try {
      socket = this.openSocket();
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    this.pinged = false;
    // Armed from the start: a handshake that never completes is as dead as a silent socket.
    this.watchdog.heard();
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.setLink('open');
      for (const follower of [...this.followers]) this.send(follower.enter());
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      this.watchdog.heard();
      this.receive(event.data);
    };
    socket.onerror = () => undefined; // a close event follows, and decides what to do
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.drop();
      if (event.code === socketCloseCodes.unauthenticated || event.code === socketCloseCodes.forbidden) {
        this.running = false;
        this.setLink('closed');
        if (event.code === socketCloseCodes.unauthenticated) this.onSignedOut();
        return;
      }
      this.scheduleRetry();
    };
  }

  /** Forgets the current socket (its events are ignored from now on) and hands it back. */
  private drop(): SocketLike | null {
    const socket = this.socket;
    this.socket = null;
    this.watchdog.stop();
    if (socket) {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
    }
    return socket;
  }

  /** Two ping intervals without a word: the socket is dead even if the browser has not noticed. */
  private silent(): void {
    this.drop()?.close();
    this.scheduleRetry();
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch {
      return;
    }
    switch (frame.type) {
      case 'hello':
        this.watchdog.expectEvery(frame.pingSeconds * 1000);
        return;
      case 'ping':
        this.send({ type: 'pong' });
        // A connection that lived to its first ping is healthy: the next loss starts the waits afresh.
        if (!this.pinged) this.attempts = 0;
        this.pinged = true;
        return;
      case 'pong':
        return;
      case 'notification':
        emitNotificationCount(frame.unread);
        return;
    }
    const topic = topicOf(frame);
    for (const follower of [...this.followers]) if (topic === null || follower.topic === topic) follower.receive(frame);
  }

  private scheduleRetry(): void {
    if (!this.running) return;
    this.setLink('reconnecting');
    const delay = backoffDelay(this.attempts, this.random);
    this.attempts += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }
}

let shared: LiveSocket | null = null;

/** The tab's socket, shared by every part of the page that follows something live. */
export function sharedLiveSocket(): LiveSocket {
  shared ??= new LiveSocket();
  return shared;
}
