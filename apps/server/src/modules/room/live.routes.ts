// The live socket (PRODUCT §2.4): one WebSocket per signed-in tab, authenticated by the session
// cookie before the upgrade, same-origin only, carrying every room and session the tab follows
// and the person's own notices. A tab subscribes to a room from the last sequence it has; what it
// missed is sent first, then new events as they happen, with no gap and no repeat. The server
// says hello with its ping interval, pings, and drops a tab that stops answering. A socket lives
// no longer than the sign-in that opened it: sign-out or deactivation closes it at once (over the
// live bus, on every instance), and each ping and subscribe re-checks the sign-in (expiry, idle).
// Work is bounded: a subscription backfills the newest HAVEN_LIVE_BACKFILL_MESSAGES at most (the
// page fetches older ones over HTTP), and a socket may subscribe HAVEN_LIVE_SUBSCRIBES_PER_MINUTE
// times a minute; past that a subscribe is refused undone, and a socket that keeps on is closed.
import websocket from '@fastify/websocket';
import { ClientFrame, socketCloseCodes, type ServerFrame } from '@haven/contract';
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { startHeartbeat } from '../../platform/events/heartbeat.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Http } from '../../platform/http/server.ts';
import { minuteWindow, routeLimits } from '../../platform/limits/limits.ts';
import { accountChannel, loginSessionChannel, loginSessionHolds, type UserRow } from '../identity/identity.service.ts';
import type { Caller } from '../../caller.ts';
import { callerFor, requireSignIn, requireUser } from '../identity/identity.policy.ts';
import * as repo from './room.repository.ts';
import { userChannel } from '../notifications/notifications.service.ts';
import { SessionSignals } from '../sessions/signaling.ts';
import { accessRoom, markRead, pageFor, roomChannel, type Access } from './room.service.ts';

/** Largest frame a browser may send; anything bigger closes the socket with 1009. */
const MAX_FRAME_BYTES = 16 * 1024;

export async function registerLive(app: Http, context: AppContext): Promise<void> {
  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });

  app.get(
    '/api/live',
    {
      websocket: true,
      schema: { hide: true },
      config: routeLimits(context.config).liveConnections,
      // Refused before the upgrade, as plain HTTP: signed out, or opened from another site.
      preValidation: (request: FastifyRequest, _reply, done) => {
        try {
          requireUser(request);
          requireSameOrigin(request, context.config.publicUrl);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    },
    (socket, request) => {
      const { user, loginSessionId } = requireSignIn(request);
      const signIn = signInGuard(context, socket, loginSessionId, user.id);
      // An open tab counts as "online": its person hears new messages here, not by bell or email.
      // A tab that stops answering pings is dropped, so a half-open connection stops counting.
      context.presence.connected(user.id);
      const heartbeat = startHeartbeat({
        everyMs: context.config.live.pingMs,
        ping: () => {
          session.send({ type: 'ping' });
          void signIn.holds();
        },
        onSilent: () => socket.terminate(),
      });
      const session = new LiveSession(context, socket, user, () => heartbeat.answered(), signIn.holds);
      session.send({ type: 'hello', pingSeconds: context.config.live.pingMs / 1000 });
      socket.on('message', (data, isBinary) => session.receive(data as Buffer, isBinary));
      // Notices for this person (the bell's unread count) reach every tab they have open.
      const personal = context.live.subscribe(userChannel(user.id), (payload) => {
        if (socket.readyState === socket.OPEN) socket.send(payload);
      });
      socket.on('close', () => {
        heartbeat.stop();
        context.presence.disconnected(user.id);
        // Tidying up after a closed socket must never take the process down; a failure is logged.
        const tidy = (step: Promise<unknown>) =>
          void step.catch((error: unknown) => request.log.warn({ err: error }, 'live socket clean-up failed'));
        tidy(signIn.stop());
        tidy(personal.then((stop) => stop()));
        tidy(session.end());
      });
    },
  );
}

/**
 * Closes the socket when the sign-in that opened it ends: told over the live bus (sign-out of this
 * session, deactivation of the account), or found by `holds()` (expired, idle, ended elsewhere).
 */
function signInGuard(context: AppContext, socket: WebSocket, loginSessionId: string, userId: string) {
  const end = () => {
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) {
      socket.close(socketCloseCodes.unauthenticated, 'Your sign-in has ended.');
    }
  };
  const listening = Promise.all([
    context.live.subscribe(loginSessionChannel(loginSessionId), end),
    context.live.subscribe(accountChannel(userId), end),
  ]);
  return {
    holds: async (): Promise<boolean> => {
      // A database hiccup is not a sign-out: the next check decides.
      const holds = await loginSessionHolds(context.db, context.config.session, loginSessionId).catch(() => true);
      if (!holds) end();
      return holds;
    },
    stop: async () => {
      for (const stop of await listening) await stop();
    },
  };
}

function requireSameOrigin(request: FastifyRequest, publicUrl: string): void {
  const origin = request.headers.origin;
  if (!origin) return; // not a browser: the cookie is the credential
  const host = request.headers.host;
  const allowed = new Set([new URL(publicUrl).origin, `http://${host}`, `https://${host}`]);
  if (!allowed.has(origin)) throw new AppError('forbidden', 'Live updates are only available to pages on this site.');
}

/** The room or session a frame is about, so a refusal reaches the part of the page that asked. */
function topicOf(frame: ClientFrame): { roomId?: string; sessionId?: string } {
  if ('roomId' in frame) return { roomId: frame.roomId };
  if ('sessionId' in frame) return { sessionId: frame.sessionId };
  return {};
}

function describeInvalid(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return `Unknown or malformed frame${where}: ${issue?.message ?? 'invalid'}.`;
}

/** `chain` keeps deliveries in arrival order even though a delivery may wait on the database. */
type Subscription = { access: Access; lastSeq: number; stop: () => Promise<void>; chain: Promise<void> };

class LiveSession {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly signals: SessionSignals;
  private lastTyping = 0;
  /** Subscribing and unsubscribing, one after the other: an unsubscribe never overtakes its subscribe. */
  private membership: Promise<void> = Promise.resolve();
  private ended = false;
  private readonly subscribes: ReturnType<typeof minuteWindow>;

  constructor(
    private readonly context: AppContext,
    private readonly socket: WebSocket,
    private readonly user: UserRow,
    private readonly answered: () => void,
    private readonly signInHolds: () => Promise<boolean>,
  ) {
    this.signals = new SessionSignals(context.db, context.live, user, (frame) => this.send(frame));
    this.subscribes = minuteWindow(context.config.live.subscribesPerMinute);
  }

  send(frame: ServerFrame): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  receive(data: Buffer, isBinary: boolean): void {
    if (isBinary) return this.socket.close(1003, 'Send JSON text frames.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString('utf8'));
    } catch {
      return this.socket.close(socketCloseCodes.policy, 'Frames must be JSON.');
    }
    const frame = ClientFrame.safeParse(parsed);
    // One bad frame must not cut every room and session on the socket: it is refused, and said why.
    if (!frame.success) return this.send({ type: 'error', code: 'validation_failed', message: describeInvalid(frame.error) });
    if (frame.data.type === 'subscribe' && !this.admitSubscribe(frame.data.roomId)) return;
    this.handle(frame.data).catch((error: unknown) => {
      const known = error instanceof AppError;
      this.send({
        type: 'error',
        code: known ? error.code : 'internal',
        message: known ? error.message : 'Something went wrong.',
        ...topicOf(frame.data),
      });
    });
  }

  private async handle(frame: ClientFrame): Promise<void> {
    if (frame.type === 'pong') return this.answered();
    // A tab's ping is answered after the subscribes and unsubscribes sent before it: its pong says they are done.
    if (frame.type === 'ping') return this.inOrder(() => Promise.resolve(this.send({ type: 'pong' })));
    if (frame.type === 'subscribe') return this.inOrder(() => this.subscribe(frame.roomId, frame.afterSeq));
    if (frame.type === 'unsubscribe') return this.inOrder(() => this.unsubscribe(frame.roomId, { quietly: true }));
    if (frame.type === 'session.enter' || frame.type === 'session.leave' || frame.type === 'signal') return this.signals.handle(frame);
    const subscription = this.subscriptions.get(frame.roomId);
    if (!subscription) throw new AppError('forbidden', 'Subscribe to the room first.');
    if (frame.type === 'typing') {
      // At most one typing signal a second per tab.
      if (Date.now() - this.lastTyping < 1000) return;
      this.lastTyping = Date.now();
      await this.context.live.publish(
        roomChannel(frame.roomId),
        JSON.stringify({ type: 'typing', roomId: frame.roomId, userId: this.user.id }),
      );
      return;
    }
    await markRead(this.caller(), frame.roomId, frame.seq);
  }

  /**
   * Counted on arrival, before any work is queued, and refused at once past the limit. A socket
   * refused as many times again in the same minute is not a page reconnecting but a script: closed.
   */
  private admitSubscribe(roomId: string): boolean {
    if (this.subscribes.take()) return true;
    const perMinute = this.context.config.live.subscribesPerMinute;
    if (this.subscribes.refused > perMinute) {
      this.socket.close(socketCloseCodes.policy, 'Too many subscribe frames.');
      return false;
    }
    const message = `At most ${perMinute} subscribes a minute on one connection. Wait a minute and subscribe again.`;
    this.send({ type: 'error', code: 'rate_limited', message, roomId });
    return false;
  }

  private caller(): Caller {
    return callerFor(this.context, this.user);
  }

  /**
   * Listens first, then sends what was missed, then what arrived meanwhile — skipping any sequence
   * already sent — so the stream has neither a gap nor a repeat.
   */
  private inOrder(run: () => Promise<void>): Promise<void> {
    const next = this.membership.then(run);
    this.membership = next.catch(() => undefined);
    return next;
  }

  private async subscribe(roomId: string, afterSeq: number): Promise<void> {
    // A socket closed with subscribes still queued does none of them.
    if (this.ended || this.socket.readyState !== this.socket.OPEN || !(await this.signInHolds())) return;
    await this.subscriptions.get(roomId)?.stop();
    this.subscriptions.delete(roomId);
    const access = await accessRoom(this.context.db, this.user, roomId);
    const pending: string[] = [];
    let live = false;
    const subscription: Subscription = { access, lastSeq: afterSeq, stop: () => Promise.resolve(), chain: Promise.resolve() };
    subscription.stop = await this.context.live.subscribe(roomChannel(roomId), (payload) => {
      if (live) subscription.chain = subscription.chain.then(() => this.deliver(subscription, payload)).catch(() => undefined);
      else pending.push(payload);
    });
    this.subscriptions.set(roomId, subscription);
    const olderBefore = await this.backfill(access, subscription);
    for (const payload of pending) await this.deliver(subscription, payload);
    live = true;
    this.send({ type: 'subscribed', roomId, upToSeq: subscription.lastSeq, olderBefore });
  }

  /**
   * Sends the newest messages after `lastSeq`, at most HAVEN_LIVE_BACKFILL_MESSAGES of them, and
   * answers the lowest sequence sent when older missed ones were left for HTTP paging (else null).
   * Sequences have no gaps, so the room's last one says where the newest page starts.
   */
  private async backfill(access: Access, subscription: Subscription): Promise<number | null> {
    const limit = this.context.config.live.backfillMessages;
    const afterSeq = subscription.lastSeq;
    const newest = await repo.lastSeq(this.context.db, access.parties.room_id);
    if (newest <= afterSeq) return null;
    const from = Math.max(afterSeq, newest - limit);
    const page = await pageFor(this.caller(), access, { after: from, limit });
    for (const message of page.messages) {
      this.send({ type: 'message', message });
      subscription.lastSeq = message.seq;
    }
    const lowest = page.messages[0]?.seq;
    // Left out: visible messages between afterSeq and the lowest one sent (hasEarlier knows visibility).
    return lowest !== undefined && lowest > afterSeq + 1 && page.hasEarlier ? lowest : null;
  }

  private async deliver(subscription: Subscription, payload: string): Promise<void> {
    const frame = JSON.parse(payload) as ServerFrame;
    if (frame.type === 'message') {
      if (frame.message.seq <= subscription.lastSeq) return;
      // Access ends the moment an assignment does: a provider no longer on the case gets nothing.
      if (subscription.access.role === 'provider') {
        const parties = await repo.roomParties(this.context.db, frame.message.roomId);
        if (parties?.provider_user_id !== this.user.id) return this.unsubscribe(frame.message.roomId, { quietly: false });
      }
      // Publishes follow commits but may overtake each other: a sequence that arrives ahead of an
      // earlier one is sent after the earlier ones, read back from the database (all committed,
      // since the room's lock hands sequences out in commit order).
      if (frame.message.seq > subscription.lastSeq + 1) await this.fillGap(subscription, frame.message.seq);
      subscription.lastSeq = frame.message.seq;
      this.send({ ...frame, message: { ...frame.message, starred: false } });
      return;
    }
    if (frame.type === 'typing' && frame.userId === this.user.id) return;
    this.send(frame);
  }

  /** Sends the messages after the last one sent and before `seq`, in order. */
  private async fillGap(subscription: Subscription, seq: number): Promise<void> {
    const pageSize = this.context.config.live.backfillMessages;
    while (subscription.lastSeq < seq - 1) {
      const limit = Math.min(pageSize, seq - subscription.lastSeq - 1);
      const { messages } = await pageFor(this.caller(), subscription.access, { after: subscription.lastSeq, limit });
      const before = messages.filter((message) => message.seq < seq);
      if (before.length === 0) return;
      for (const message of before) {
        this.send({ type: 'message', message });
        subscription.lastSeq = message.seq;
      }
    }
  }

  private async unsubscribe(roomId: string, { quietly }: { quietly: boolean }): Promise<void> {
    await this.subscriptions.get(roomId)?.stop();
    this.subscriptions.delete(roomId);
    if (!quietly) this.send({ type: 'error', code: 'forbidden', message: 'You no longer have access to this room.', roomId });
  }

  async end(): Promise<void> {
    this.ended = true;
    await this.membership; // a subscription being made now is stopped below, not left behind
    await this.signals.end();
    await Promise.all([...this.subscriptions.values()].map((s) => s.stop()));
    this.subscriptions.clear();
  }
}
