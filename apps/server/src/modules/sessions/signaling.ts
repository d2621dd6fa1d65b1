// The server's only part in a WebRTC session: relaying offers, answers and ICE candidates between
// the two people booked, during the join window, after each has joined. Media never passes here;
// it goes browser to browser (DTLS-SRTP), through a TURN server from configuration when needed.
import { type ServerFrame, type Signal } from '@haven/contract';
import type { Db } from '../../platform/db/database.ts';
import type { LiveBus } from '../../platform/events/live-bus.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { UserRow } from '../identity/identity.service.ts';
import { sessionChannel } from './joining.service.ts';
import { joinWindowOf } from './sessions.presenter.ts';
import { partyOf } from './sessions.policy.ts';

type Role = 'client' | 'provider';
type SessionFrame =
  | { type: 'session.enter'; sessionId: string }
  | { type: 'session.leave'; sessionId: string }
  | { type: 'signal'; sessionId: string; signal: Signal };
/** What travels on a session's channel: a frame, who sent it, and whether it answers a hello. */
type Envelope = { from: Role | 'server'; frame: ServerFrame; reply?: boolean };
type Entered = { role: Role; closesAt: number; stop: () => Promise<void>; sent: number[] };

/** Signals a tab may relay in a minute: ample for ICE trickle and restarts, not for a flood. */
const SIGNALS_PER_MINUTE = 600;

/** One per socket: the sessions this tab has entered. */
export class SessionSignals {
  private readonly entered = new Map<string, Entered>();

  constructor(
    private readonly db: Db,
    private readonly live: LiveBus,
    private readonly user: UserRow,
    private readonly send: (frame: ServerFrame) => void,
  ) {}

  async handle(frame: SessionFrame, now = new Date()): Promise<void> {
    if (frame.type === 'session.enter') return this.enter(frame.sessionId, now);
    if (frame.type === 'session.leave') return this.leave(frame.sessionId);
    const entered = this.entered.get(frame.sessionId);
    if (!entered) throw new AppError('forbidden', 'Join the session before sending to it.');
    if (now.getTime() >= entered.closesAt) {
      await this.leave(frame.sessionId);
      throw new AppError('join_not_open', 'This session has ended.');
    }
    entered.sent = entered.sent.filter((at) => now.getTime() - at < 60_000);
    if (entered.sent.length >= SIGNALS_PER_MINUTE) throw new AppError('rate_limited', 'Too many signals; wait a moment.');
    entered.sent.push(now.getTime());
    await this.publish(frame.sessionId, {
      from: entered.role,
      frame: { type: 'signal', sessionId: frame.sessionId, from: entered.role, signal: frame.signal },
    });
  }

  private async enter(sessionId: string, now: Date): Promise<void> {
    await this.leave(sessionId, { quietly: true });
    const { role, session } = await partyOf(this.db, this.user, sessionId);
    const { opens, closes } = joinWindowOf(session);
    const joined = role === 'client' ? session.client_joined_at : session.provider_joined_at;
    if (session.status !== 'booked' || session.ended_at || now < opens || now >= closes || !joined) {
      throw new AppError(
        'join_not_open',
        'Join the session first: signals are only relayed between the two people booked, while it is open.',
      );
    }
    const entered: Entered = { role, closesAt: closes.getTime(), stop: () => Promise.resolve(), sent: [] };
    entered.stop = await this.live.subscribe(sessionChannel(sessionId), (payload) => void this.deliver(sessionId, entered, payload));
    this.entered.set(sessionId, entered);
    this.send({ type: 'session.entered', sessionId, peerPresent: false, polite: role === 'client' });
    await this.publish(sessionId, { from: role, frame: { type: 'session.peer', sessionId, present: true } });
  }

  private async deliver(sessionId: string, entered: Entered, payload: string): Promise<void> {
    const envelope = JSON.parse(payload) as Envelope;
    if (envelope.from === entered.role) return; // our own words, or our other tab's
    this.send(envelope.frame);
    // Whoever was here first answers a hello once, so the newcomer learns it is not alone.
    if (envelope.frame.type === 'session.peer' && envelope.frame.present && !envelope.reply) {
      await this.publish(sessionId, { from: entered.role, frame: { type: 'session.peer', sessionId, present: true }, reply: true });
    }
    if (envelope.frame.type === 'session.changed' && envelope.frame.session.endedAt) await this.leave(sessionId, { quietly: true });
  }

  private async leave(sessionId: string, options: { quietly?: boolean } = {}): Promise<void> {
    const entered = this.entered.get(sessionId);
    if (!entered) return;
    this.entered.delete(sessionId);
    await entered.stop();
    if (!options.quietly) await this.publish(sessionId, { from: entered.role, frame: { type: 'session.peer', sessionId, present: false } });
  }

  private publish(sessionId: string, envelope: Envelope): Promise<void> {
    return this.live.publish(sessionChannel(sessionId), JSON.stringify(envelope));
  }

  async end(): Promise<void> {
    await Promise.all([...this.entered.keys()].map((sessionId) => this.leave(sessionId)));
  }
}
