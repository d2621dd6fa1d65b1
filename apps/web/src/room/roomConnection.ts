// One room followed over the tab's live socket. On every (re)connection it subscribes from the
// last sequence the page holds, so the server sends what was missed before anything new; the page
// deduplicates, so a message is shown once however often it arrives.
import type { ClientFrame, ServerFrame } from '@haven/contract';
import { roomTopic, type LinkState, type LiveSocket } from '../live/liveSocket.ts';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'closed';

type RoomConnectionOptions = {
  roomId: string;
  /** The highest sequence held now: where a (re)subscription starts. */
  afterSeq: () => number;
  onFrame: (frame: ServerFrame) => void;
  onState: (state: ConnectionState) => void;
  live: LiveSocket;
};

export class RoomConnection {
  private stopFollowing: (() => void) | null = null;
  private state: ConnectionState = 'connecting';

  constructor(private readonly options: RoomConnectionOptions) {}

  start(): void {
    if (this.stopFollowing) return;
    const { roomId } = this.options;
    this.stopFollowing = this.options.live.follow({
      topic: roomTopic(roomId),
      enter: () => ({ type: 'subscribe', roomId, afterSeq: this.options.afterSeq() }),
      leave: () => ({ type: 'unsubscribe', roomId }),
      receive: (frame) => this.receive(frame),
      onLink: (link) => this.onLink(link),
    });
  }

  stop(): void {
    const stop = this.stopFollowing;
    this.stopFollowing = null;
    stop?.();
  }

  /** Sends a frame when the subscription is live; false when it could not be sent. */
  send(frame: ClientFrame): boolean {
    return this.state === 'live' && this.options.live.send(frame);
  }

  private onLink(link: LinkState): void {
    // Open is not yet live: that waits for the server's `subscribed`.
    if (link === 'reconnecting' || link === 'closed') this.setState(link);
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.options.onState(state);
  }

  private receive(frame: ServerFrame): void {
    if (frame.type === 'subscribed') this.setState('live');
    if (frame.type === 'error' && frame.code === 'forbidden' && frame.roomId === this.options.roomId) {
      // Access ended (the assignment did): following the room again would be refused too.
      this.stop();
      this.setState('closed');
    }
    this.options.onFrame(frame);
  }
}
