// A room as the page sees it: the first page from the API, then the live socket, earlier pages on
// request, and sends in flight. React reads it through useSyncExternalStore (useRoomSocket.ts).
import type { Message, RoomView, ServerFrame } from '@haven/contract';
import { ApiFailure } from '../api/client.ts';
import { fetchEarlier, fetchRoomView, postRead, postStar, postText, postUpload, type Upload } from '../api/room.ts';
import { sharedLiveSocket, type LiveSocket } from '../live/liveSocket.ts';
import * as log from './messageLog.ts';
import { RoomConnection, type ConnectionState } from './roomConnection.ts';

export type RoomSnapshot = {
  /** The first load: until it succeeds there is nothing to show. */
  status: 'loading' | 'ready' | 'failed';
  failure: ApiFailure | null;
  /** Who is who, the provider's profile, reply-by and shared files, as first loaded. */
  view: RoomView | null;
  log: log.MessageLog;
  connection: ConnectionState;
  theyAreTyping: boolean;
  loadingEarlier: boolean;
  earlierFailure: ApiFailure | null;
};

export type RoomApi = {
  fetchRoomView: typeof fetchRoomView;
  fetchEarlier: typeof fetchEarlier;
  postText: typeof postText;
  postUpload: typeof postUpload;
  postRead: typeof postRead;
  postStar: typeof postStar;
};

const defaultApi: RoomApi = { fetchRoomView, fetchEarlier, postText, postUpload, postRead, postStar };
/** How long "is typing" lasts after the last typing signal. */
export const TYPING_SHOWN_MS = 5_000;
const TYPING_SENT_EVERY_MS = 1_000;
/**
 * A subscription sends only the newest messages missed; the rest comes over HTTP, this many pages
 * of this many at most. Past that the page keeps the newest part and loads earlier on request.
 */
export const GAP_PAGE_SIZE = 200;
export const GAP_PAGES = 5;

type Environment = {
  api?: RoomApi;
  /** The tab's live socket, shared with the bell and a live session. */
  live?: LiveSocket;
  /** Whether the person can see the page now: only then are messages marked read. */
  isVisible?: () => boolean;
  newId?: () => string;
};

const failureOf = (error: unknown) => (error instanceof ApiFailure ? error : new ApiFailure(0, { code: 'unavailable' }));

export class LiveRoom {
  private snapshot: RoomSnapshot = {
    status: 'loading',
    failure: null,
    view: null,
    log: log.emptyLog,
    connection: 'connecting',
    theyAreTyping: false,
    loadingEarlier: false,
    earlierFailure: null,
  };
  private readonly listeners = new Set<() => void>();
  private readonly api: RoomApi;
  private readonly isVisible: () => boolean;
  private readonly newId: () => string;
  private readonly connection: RoomConnection;
  private generation = 0;
  private typingTimer: ReturnType<typeof setTimeout> | null = null;
  private lastTypingSent = 0;
  private readSent = 0;

  constructor(
    readonly roomId: string,
    readonly myUserId: string,
    environment: Environment = {},
  ) {
    this.api = environment.api ?? defaultApi;
    this.isVisible = environment.isVisible ?? (() => document.visibilityState === 'visible');
    this.newId = environment.newId ?? (() => crypto.randomUUID());
    this.connection = new RoomConnection({
      roomId,
      afterSeq: () => log.unbrokenSeq(this.snapshot.log),
      onFrame: (frame) => this.receiveFrame(frame),
      onState: (connection) => this.update({ connection }),
      live: environment.live ?? sharedLiveSocket(),
    });
  }

  // ── The store React subscribes to ───────────────────────────────────────────────────────

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): RoomSnapshot => this.snapshot;

  private update(change: Partial<RoomSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  private updateLog(next: log.MessageLog): void {
    if (next !== this.snapshot.log) this.update({ log: next });
  }

  // ── Lifecycle ───────────────────────────────────────────────────────────────────────────

  /** Loads the room, then follows it live from the newest message loaded. */
  start(): void {
    const generation = ++this.generation;
    globalThis.document?.addEventListener('visibilitychange', this.markRead);
    this.update({ status: this.snapshot.view ? 'ready' : 'loading', failure: null });
    this.api.fetchRoomView(this.roomId).then(
      (view) => {
        if (generation !== this.generation) return;
        this.update({ view, status: 'ready', log: log.receiveView(this.snapshot.log, view, this.myUserId) });
        this.connection.start();
        this.markRead();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.update({ status: 'failed', failure: failureOf(error) });
      },
    );
  }

  stop(): void {
    this.generation += 1;
    globalThis.document?.removeEventListener('visibilitychange', this.markRead);
    this.connection.stop();
    if (this.typingTimer !== null) clearTimeout(this.typingTimer);
    this.typingTimer = null;
  }

  private receiveFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'message':
        if (frame.message.roomId !== this.roomId) return;
        this.updateLog(log.receive(this.snapshot.log, [frame.message], this.myUserId));
        if (frame.message.senderId !== this.myUserId) this.showTyping(false);
        this.markRead();
        return;
      case 'read':
        if (frame.roomId !== this.roomId) return;
        this.updateLog(log.readBy(this.snapshot.log, frame.userId === this.myUserId ? 'me' : 'them', frame.seq));
        return;
      case 'typing':
        if (frame.roomId === this.roomId && frame.userId !== this.myUserId) this.showTyping(true);
        return;
      case 'subscribed':
        if (frame.roomId !== this.roomId) return;
        if (frame.olderBefore !== null) void this.fillGap(frame.olderBefore);
        // Anything read while the socket was down is said now.
        this.markRead();
        return;
      default:
        return;
    }
  }

  private showTyping(typing: boolean): void {
    if (this.typingTimer !== null) clearTimeout(this.typingTimer);
    this.typingTimer = typing ? setTimeout(() => this.showTyping(false), TYPING_SHOWN_MS) : null;
    if (typing !== this.snapshot.theyAreTyping) this.update({ theyAreTyping: typing });
  }

  /** Marks the other side's newest message read, when the page is in view. */
  readonly markRead = (): void => {
    if (this.snapshot.status !== 'ready' || !this.isVisible()) return;
    const seq = log.lastSeqFromOthers(this.snapshot.log, this.myUserId);
    if (seq <= Math.max(this.snapshot.log.myReadSeq, this.readSent)) return;
    this.readSent = seq;
    if (!this.connection.send({ type: 'read', roomId: this.roomId, seq })) {
      this.api.postRead(this.roomId, seq).catch(() => {
        this.readSent = 0; // said again with the next message, or on return to the page
      });
    }
    this.updateLog(log.readBy(this.snapshot.log, 'me', seq));
  };

  // ── What the person does ────────────────────────────────────────────────────────────────

  /** Tells the other side I am typing, at most once a second. */
  typing(): void {
    const now = Date.now();
    if (now - this.lastTypingSent < TYPING_SENT_EVERY_MS) return;
    if (this.connection.send({ type: 'typing', roomId: this.roomId })) this.lastTypingSent = now;
  }

  sendText(text: string): void {
    const clientMessageId = this.newId();
    this.updateLog(
      log.addPending(this.snapshot.log, {
        clientMessageId,
        kind: 'text',
        text,
        file: null,
        filename: null,
        durationMs: null,
        status: 'sending',
        failure: null,
      }),
    );
    this.deliver(clientMessageId);
  }

  sendUpload(upload: Upload): void {
    const clientMessageId = this.newId();
    this.updateLog(
      log.addPending(this.snapshot.log, {
        clientMessageId,
        kind: upload.kind,
        text: null,
        file: upload.file,
        filename: upload.filename ?? null,
        durationMs: upload.durationMs ?? null,
        status: 'sending',
        failure: null,
      }),
    );
    this.deliver(clientMessageId);
  }

  /** Sends a failed message again under the same id, so the server cannot store it twice. */
  retry(clientMessageId: string): void {
    this.updateLog(log.updatePending(this.snapshot.log, clientMessageId, { status: 'sending', failure: null }));
    this.deliver(clientMessageId);
  }

  discard(clientMessageId: string): void {
    this.updateLog(log.dropPending(this.snapshot.log, clientMessageId));
  }

  private deliver(clientMessageId: string): void {
    const pending = this.snapshot.log.pending.find((p) => p.clientMessageId === clientMessageId);
    if (!pending) return;
    const sent: Promise<Message> =
      pending.kind === 'text'
        ? this.api.postText(this.roomId, clientMessageId, pending.text ?? '')
        : this.api.postUpload(this.roomId, clientMessageId, {
            kind: pending.kind,
            file: pending.file!,
            durationMs: pending.durationMs,
            filename: pending.filename,
          });
    sent.then(
      (message) => this.updateLog(log.receive(this.snapshot.log, [message], this.myUserId)),
      (error: unknown) =>
        this.updateLog(log.updatePending(this.snapshot.log, clientMessageId, { status: 'failed', failure: failureOf(error).code })),
    );
  }

  /** Loads the page before the oldest message held; answers how many messages came. */
  async loadEarlier(): Promise<number> {
    const oldest = this.snapshot.log.messages[0]?.seq;
    if (oldest === undefined || this.snapshot.loadingEarlier) return 0;
    this.update({ loadingEarlier: true, earlierFailure: null });
    try {
      const page = await this.api.fetchEarlier(this.roomId, oldest);
      const before = this.snapshot.log.messages.length;
      this.update({ loadingEarlier: false, log: log.receiveEarlier(this.snapshot.log, page, this.myUserId) });
      return this.snapshot.log.messages.length - before;
    } catch (error) {
      this.update({ loadingEarlier: false, earlierFailure: failureOf(error) });
      return 0;
    }
  }

  /**
   * Fetches the messages missed before `before` (the oldest the subscription sent), page by page
   * down to those held already, so the log has no hole. A page that fails or too long a gap leaves
   * the older held messages out instead: "load earlier" fetches them.
   */
  private async fillGap(before: number): Promise<void> {
    const generation = this.generation;
    const heldUpTo = log.unbrokenSeq(this.snapshot.log);
    if (heldUpTo >= before) {
      // Nothing was held before the gap: what is older is simply earlier history.
      this.updateLog({ ...this.snapshot.log, hasEarlier: true });
      return;
    }
    let cursor = before;
    try {
      for (let pages = 0; pages < GAP_PAGES && cursor > heldUpTo + 1; pages += 1) {
        const page = await this.api.fetchEarlier(this.roomId, cursor, GAP_PAGE_SIZE);
        if (generation !== this.generation) return;
        this.updateLog(log.receive(this.snapshot.log, page.messages, this.myUserId));
        const oldest = page.messages[0]?.seq;
        if (oldest === undefined || !page.hasEarlier) return;
        cursor = oldest;
      }
    } catch {
      // Said below: the page keeps the newest part.
    }
    if (generation !== this.generation || cursor <= heldUpTo + 1) return;
    this.updateLog(log.keepFrom(this.snapshot.log, cursor));
  }

  /** Stars or unstars at once; puts it back if the server refuses. */
  setStar(messageId: string, starred: boolean): void {
    this.updateLog(log.setStarred(this.snapshot.log, messageId, starred));
    this.api.postStar(this.roomId, messageId, starred).catch(() => this.updateLog(log.setStarred(this.snapshot.log, messageId, !starred)));
  }
}
