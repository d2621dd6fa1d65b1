// One room followed over the live socket (/api/live). On every (re)connection it subscribes from
// the last sequence the page holds, so the server sends what was missed before anything new; the
// page deduplicates, so a message is shown once however often it arrives.
import { socketCloseCodes, type ClientFrame, type ServerFrame } from '@haven/contract';

/** The part of a browser WebSocket the connection uses (a fake one in tests). */
export type SocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
};

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** Waits between attempts: 1 s, 2 s, 4 s, 8 s, then every 15 s. */
export const RECONNECT_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000] as const;
export const PING_EVERY_MS = 25_000;
const OPEN = 1;

type RoomConnectionOptions = {
  roomId: string;
  /** The highest sequence held now: where a (re)subscription starts. */
  afterSeq: () => number;
  onFrame: (frame: ServerFrame) => void;
  onState: (state: ConnectionState) => void;
  openSocket?: () => SocketLike;
};

export function liveUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;
}

export class RoomConnection {
  private socket: SocketLike | null = null;
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private running = false;
  private state: ConnectionState = 'connecting';
  private readonly openSocket: () => SocketLike;
  private readonly retryNow = () => {
    if (this.running && this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.connect();
    }
  };

  constructor(private readonly options: RoomConnectionOptions) {
    this.openSocket = options.openSocket ?? (() => new WebSocket(liveUrl()) as unknown as SocketLike);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    globalThis.addEventListener?.('online', this.retryNow);
    this.connect();
  }

  stop(): void {
    this.running = false;
    globalThis.removeEventListener?.('online', this.retryNow);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopPing();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'Left the room.');
    }
  }

  /** Sends a frame when the subscription is live; false when it could not be sent. */
  send(frame: ClientFrame): boolean {
    if (this.state !== 'live' || !this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.options.onState(state);
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
    socket.onopen = () => {
      socket.send(
        JSON.stringify({ type: 'subscribe', roomId: this.options.roomId, afterSeq: this.options.afterSeq() } satisfies ClientFrame),
      );
      this.startPing(socket);
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => undefined; // a close event follows, and decides what to do
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopPing();
      if (event.code === socketCloseCodes.unauthenticated || event.code === socketCloseCodes.forbidden) {
        this.running = false;
        this.setState('closed');
        return;
      }
      this.scheduleRetry();
    };
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'subscribed' && frame.roomId === this.options.roomId) {
      this.attempts = 0;
      this.setState('live');
    }
    if (frame.type === 'error' && frame.code === 'forbidden') {
      // Access ended (the assignment did): following the room again would be refused too.
      this.stop();
      this.setState('closed');
    }
    this.options.onFrame(frame);
  }

  private scheduleRetry(): void {
    if (!this.running) return;
    this.setState('reconnecting');
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempts, RECONNECT_DELAYS_MS.length - 1)]!;
    this.attempts += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private startPing(socket: SocketLike): void {
    this.stopPing();
    this.pingTimer = setInterval(() => {
      if (socket.readyState === OPEN) socket.send(JSON.stringify({ type: 'ping' } satisfies ClientFrame));
    }, PING_EVERY_MS);
  }

  private stopPing(): void {
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }
}
