/**
 * The live socket's side of the ping/pong watchdog. Browsers expose no WebSocket ping, so the
 * server pings in a JSON frame and the tab answers with one. A ping still unanswered when the
 * next is due means the tab is gone — often silently, a half-open connection whose close will
 * not arrive for minutes — so the socket is dropped: its subscriptions end, and presence with them.
 */
export type Heartbeat = {
  /** The tab answered: it is still there. */
  answered(): void;
  stop(): void;
};

export function startHeartbeat(options: { everyMs: number; ping: () => void; onSilent: () => void }): Heartbeat {
  let answered = true;
  const timer = setInterval(() => {
    if (!answered) {
      clearInterval(timer);
      options.onSilent();
      return;
    }
    answered = false;
    options.ping();
  }, options.everyMs);
  timer.unref();
  return {
    answered: () => void (answered = true),
    stop: () => clearInterval(timer),
  };
}
