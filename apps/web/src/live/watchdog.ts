// The tab's side of the ping/pong watchdog. A socket can die without a close event (a laptop lid,
// a Wi-Fi hand-over, a proxy that forgets the connection): nothing arrives, nothing is reported,
// for minutes. The server pings every interval it announces in its hello; hearing nothing for
// twice that means the socket is dead, whatever the browser still believes.

export class Watchdog {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private silenceMs: number;

  constructor(
    private readonly onSilent: () => void,
    pingEveryMs: number,
  ) {
    this.silenceMs = 2 * pingEveryMs;
  }

  /** The server's ping interval, from its hello; counts from now. */
  expectEvery(pingEveryMs: number): void {
    this.silenceMs = 2 * pingEveryMs;
    this.heard();
  }

  /** Something arrived: the socket is alive for another two intervals. */
  heard(): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.onSilent();
    }, this.silenceMs);
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
