// A live video or audio session between two browsers. Media goes peer to peer (WebRTC, encrypted
// with DTLS-SRTP); Haven's server only relays the offer, answer and ICE candidates over the tab's
// live socket (shared with the room and the bell), between the two people booked. The provider always makes the offer and the client
// answers, so the two never offer at once; every fresh offer starts a fresh connection, which is
// also how a session recovers after a network blip or a reconnect.
import type { ClientFrame, LiveModality, LiveSession, ServerFrame, Signal } from '@haven/contract';
import { sessionTopic, sharedLiveSocket, type LinkState, type LiveSocket } from '../live/liveSocket.ts';

export type CallState = 'joining' | 'waiting' | 'connecting' | 'connected' | 'reconnecting' | 'chat' | 'ended';

/** What the page shows under "Connection": what is actually arriving from the other side. */
export type CallStats = {
  videoFramesDecoded: number;
  videoWidth: number | null;
  videoHeight: number | null;
  audioPacketsReceived: number;
  roundTripMs: number | null;
};

type Options = {
  sessionId: string;
  role: 'client' | 'provider';
  iceServers: RTCIceServer[];
  modality: LiveModality;
  onState: (state: CallState) => void;
  onRemoteStream: (stream: MediaStream | null) => void;
  onSessionChanged: (session: LiveSession) => void;
  onProblem: (message: string) => void;
  live?: LiveSocket;
};

/** A connection that stays "disconnected" this long is started over. */
const RECOVER_AFTER_MS = 4_000;

export class SessionCall {
  private readonly live: LiveSocket;
  private stopFollowing: (() => void) | null = null;
  private pc: RTCPeerConnection | null = null;
  private local: MediaStream | null = null;
  private chain: Promise<void> = Promise.resolve();
  private pending: RTCIceCandidateInit[] = [];
  private running = false;
  private peerPresent = false;
  private modality: LiveModality;
  private state: CallState = 'joining';
  private timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly options: Options) {
    this.modality = options.modality;
    this.live = options.live ?? sharedLiveSocket();
  }

  start(local: MediaStream | null): void {
    this.local = local;
    this.running = true;
    if (this.stopFollowing) return;
    const { sessionId } = this.options;
    // Entered again on every reconnection; the other side's hello answer starts a fresh offer.
    this.stopFollowing = this.live.follow({
      topic: sessionTopic(sessionId),
      enter: () => ({ type: 'session.enter', sessionId }),
      leave: () => ({ type: 'session.leave', sessionId }),
      receive: (frame) => this.receive(frame),
      onLink: (link) => this.onLink(link),
    });
  }

  stop(): void {
    this.running = false;
    const stopFollowing = this.stopFollowing;
    this.stopFollowing = null;
    stopFollowing?.(); // says session.leave
    for (const timer of this.timers) clearTimeout(timer);
    this.closePeer();
    this.setState('ended');
  }

  /** New camera or microphone (or none): what the other side receives changes at once. */
  replaceLocal(stream: MediaStream | null): void {
    const previous = this.local;
    this.local = stream;
    for (const transceiver of this.pc?.getTransceivers() ?? []) {
      const kind = transceiver.receiver.track.kind;
      void transceiver.sender.replaceTrack(this.trackFor(kind)).catch(() => undefined);
    }
    for (const track of previous?.getTracks() ?? []) if (!stream?.getTracks().includes(track)) track.stop();
    // Back from chat to a call: the provider offers again (the client asks them to).
    if (this.modality !== 'chat' && !this.pc && this.peerPresent) this.recover();
  }

  setMuted(muted: boolean): void {
    for (const track of this.local?.getAudioTracks() ?? []) track.enabled = !muted;
  }

  setCameraOff(off: boolean): void {
    for (const track of this.local?.getVideoTracks() ?? []) track.enabled = !off;
  }

  /** Follows the session's way of meeting, as the server records it for both people. */
  applyModality(modality: LiveModality): void {
    if (modality === this.modality) return;
    this.modality = modality;
    if (modality === 'chat') {
      this.closePeer();
      for (const track of this.local?.getTracks() ?? []) track.stop();
      this.local = null;
      this.setState('chat');
      return;
    }
    if (modality === 'audio') {
      for (const track of this.local?.getVideoTracks() ?? []) {
        track.stop();
        this.local?.removeTrack(track);
      }
    }
    this.replaceLocal(this.local);
    if (this.state === 'chat') this.setState(this.peerPresent ? 'connecting' : 'waiting');
  }

  async stats(): Promise<CallStats> {
    const result: CallStats = { videoFramesDecoded: 0, videoWidth: null, videoHeight: null, audioPacketsReceived: 0, roundTripMs: null };
    if (!this.pc) return result;
    const report = await this.pc.getStats();
    report.forEach((entry: Record<string, unknown>) => {
      if (entry.type === 'inbound-rtp' && entry.kind === 'video') {
        result.videoFramesDecoded += Number(entry.framesDecoded ?? 0);
        result.videoWidth = (entry.frameWidth as number | undefined) ?? result.videoWidth;
        result.videoHeight = (entry.frameHeight as number | undefined) ?? result.videoHeight;
      }
      if (entry.type === 'inbound-rtp' && entry.kind === 'audio') result.audioPacketsReceived += Number(entry.packetsReceived ?? 0);
      if (entry.type === 'candidate-pair' && entry.nominated && typeof entry.currentRoundTripTime === 'number') {
        result.roundTripMs = Math.round(entry.currentRoundTripTime * 1000);
      }
    });
    return result;
  }

  // ── The socket ─────────────────────────────────────────────────────────────────────────────

  private onLink(link: LinkState): void {
    if (this.running && link === 'reconnecting') this.setState('reconnecting');
  }

  private send(frame: ClientFrame): void {
    this.live.send(frame);
  }

  private signal(signal: Signal): void {
    this.send({ type: 'signal', sessionId: this.options.sessionId, signal });
  }

  private receive(frame: ServerFrame): void {
    if (frame.type === 'error') {
      if (!frame.sessionId || frame.sessionId === this.options.sessionId) this.options.onProblem(frame.message);
      return;
    }
    if (!('sessionId' in frame) || frame.sessionId !== this.options.sessionId) return;
    switch (frame.type) {
      case 'session.entered':
        if (this.modality === 'chat') this.setState('chat');
        else if (this.state !== 'connected') this.setState('waiting');
        return;
      case 'session.peer':
        this.peerPresent = frame.present;
        if (!frame.present) {
          if (this.modality !== 'chat') this.setState('waiting');
          return;
        }
        if (this.modality !== 'chat' && this.options.role === 'provider') this.negotiate();
        return;
      case 'signal':
        this.chain = this.chain.then(() => this.onSignal(frame.signal)).catch(() => this.recover());
        return;
      case 'session.changed':
        this.options.onSessionChanged(frame.session);
        if (frame.session.endedAt || frame.session.status !== 'booked') return this.stop();
        this.applyModality(frame.session.currentModality);
        return;
    }
  }

  // ── The peer connection ────────────────────────────────────────────────────────────────────

  private trackFor(kind: string): MediaStreamTrack | null {
    if (kind === 'video' && this.modality !== 'video') return null;
    return (kind === 'video' ? this.local?.getVideoTracks()[0] : this.local?.getAudioTracks()[0]) ?? null;
  }

  private freshPeer(): RTCPeerConnection {
    this.closePeer();
    const pc = new RTCPeerConnection({ iceServers: this.options.iceServers });
    const remote = new MediaStream();
    this.pc = pc;
    this.pending = [];
    pc.onicecandidate = (event) => {
      const candidate = event.candidate;
      this.signal({
        kind: 'candidate',
        candidate: candidate
          ? {
              candidate: candidate.candidate,
              sdpMid: candidate.sdpMid,
              sdpMLineIndex: candidate.sdpMLineIndex,
              usernameFragment: candidate.usernameFragment,
            }
          : null,
      });
    };
    pc.ontrack = (event) => {
      remote.addTrack(event.track);
      this.options.onRemoteStream(remote);
    };
    pc.onconnectionstatechange = () => {
      if (this.pc !== pc) return;
      if (pc.connectionState === 'connected') this.setState('connected');
      if (pc.connectionState === 'connecting' || pc.connectionState === 'new') this.setState('connecting');
      if (pc.connectionState === 'failed') this.recover();
      if (pc.connectionState === 'disconnected') {
        this.setState('reconnecting');
        this.later(() => this.pc === pc && pc.connectionState === 'disconnected' && this.recover(), RECOVER_AFTER_MS);
      }
    };
    this.options.onRemoteStream(remote);
    return pc;
  }

  private closePeer(): void {
    const pc = this.pc;
    this.pc = null;
    if (!pc) return;
    pc.onicecandidate = null;
    pc.ontrack = null;
    pc.onconnectionstatechange = null;
    pc.close();
    this.options.onRemoteStream(null);
  }

  /** The provider starts (or starts over) with an offer: audio and video both ways, tracks or not. */
  private negotiate(): void {
    this.chain = this.chain
      .then(async () => {
        if (this.modality === 'chat') return;
        const pc = this.freshPeer();
        pc.addTransceiver(this.trackFor('audio') ?? 'audio', { direction: 'sendrecv' });
        pc.addTransceiver(this.trackFor('video') ?? 'video', { direction: 'sendrecv' });
        await pc.setLocalDescription(await pc.createOffer());
        this.setState('connecting');
        this.signal({ kind: 'description', description: { type: 'offer', sdp: pc.localDescription?.sdp } });
      })
      .catch(() => this.options.onProblem('The call could not be set up. Check your camera and microphone, then reload the page.'));
  }

  private recover(): void {
    if (!this.running || this.modality === 'chat' || !this.peerPresent) return;
    if (this.options.role === 'provider') this.negotiate();
    else this.signal({ kind: 'restart' });
  }

  private async onSignal(signal: Signal): Promise<void> {
    if (signal.kind === 'restart') {
      if (this.options.role === 'provider') this.negotiate();
      return;
    }
    if (signal.kind === 'modality') return; // the session's record (session.changed) decides
    if (signal.kind === 'candidate') {
      if (!signal.candidate) return;
      if (!this.pc?.remoteDescription) this.pending.push(signal.candidate);
      else await this.pc.addIceCandidate(signal.candidate).catch(() => undefined);
      return;
    }
    const { description } = signal;
    if (description.type === 'offer' && this.options.role === 'client') {
      if (this.modality === 'chat') return;
      const pc = this.freshPeer();
      await pc.setRemoteDescription(description);
      for (const transceiver of pc.getTransceivers()) {
        transceiver.direction = 'sendrecv';
        await transceiver.sender.replaceTrack(this.trackFor(transceiver.receiver.track.kind));
      }
      await pc.setLocalDescription(await pc.createAnswer());
      this.signal({ kind: 'description', description: { type: 'answer', sdp: pc.localDescription?.sdp } });
    } else if (description.type === 'answer' && this.options.role === 'provider' && this.pc?.signalingState === 'have-local-offer') {
      await this.pc.setRemoteDescription(description);
    } else {
      return;
    }
    for (const candidate of this.pending.splice(0)) await this.pc?.addIceCandidate(candidate).catch(() => undefined);
  }

  private setState(state: CallState): void {
    if (this.state === state || (this.state === 'ended' && state !== 'ended')) return;
    this.state = state;
    this.options.onState(state);
  }

  private later(run: () => unknown, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }
}
