import type { ServerFrame } from '@haven/contract';
import WebSocket from 'ws';

export type LiveTab = {
  socket: WebSocket;
  frames: ServerFrame[];
  send: (frame: unknown) => void;
  /** The first matching frame not handed out yet, waiting up to 5 s for it. */
  next: (match: (f: ServerFrame) => boolean) => Promise<ServerFrame>;
};

/**
 * A tab's live socket, signed in by cookie, collecting every frame. Like the web app it answers
 * the server's pings, unless `answerPings` is false (a tab whose connection went silent).
 */
export async function connectLive(
  base: string,
  cookie: string,
  { origin = base, answerPings = true }: { origin?: string; answerPings?: boolean } = {},
): Promise<LiveTab> {
  const socket = new WebSocket(`${base.replace('http', 'ws')}/api/live`, { headers: { cookie, origin } });
  const frames: ServerFrame[] = [];
  const taken = new Set<number>();
  const waiters: Array<{ match: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }> = [];
  socket.on('message', (data) => {
    const frame = JSON.parse((data as Buffer).toString('utf8')) as ServerFrame;
    if (frame.type === 'ping' && answerPings) socket.send(JSON.stringify({ type: 'pong' }));
    frames.push(frame);
    const waiter = waiters.find((w) => w.match(frame));
    if (waiter) {
      taken.add(frames.length - 1);
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(frame);
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next = (match: (f: ServerFrame) => boolean) =>
    new Promise<ServerFrame>((resolve, reject) => {
      const index = frames.findIndex((f, i) => !taken.has(i) && match(f));
      if (index >= 0) {
        taken.add(index);
        return resolve(frames[index]!);
      }
      const waiter = { match, resolve };
      waiters.push(waiter);
      setTimeout(() => {
        if (waiters.includes(waiter)) reject(new Error(`no matching frame; got ${JSON.stringify(frames)}`));
      }, 5_000);
    });
  return { socket, frames, send: (frame) => socket.send(JSON.stringify(frame)), next };
}
