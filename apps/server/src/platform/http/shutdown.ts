import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** How long requests already under way may take to finish once Haven is asked to stop. */
export const DRAIN_MS = 8_000;

/**
 * A stop that neither cuts requests short nor waits on idle clients. Node's own `close()` leaves
 * a connection that has not sent a request yet (and a keep-alive one between requests, until its
 * timeout) open, so one idle browser could hold a shutdown for over a minute. Here idle
 * connections close at once, busy ones as soon as their response is sent, and whatever is left
 * after DRAIN_MS is dropped.
 */
export function drainOnClose(app: FastifyInstance): void {
  const busy = new Map<Socket, number>();
  const open = new Set<Socket>();
  let closing = false;
  app.server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      busy.delete(socket);
    });
  });
  app.addHook('onRequest', (request, _reply, done) => {
    const socket = request.raw.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    done();
  });
  app.addHook('onResponse', (request, _reply, done) => {
    const socket = request.raw.socket;
    const left = (busy.get(socket) ?? 1) - 1;
    if (left > 0) busy.set(socket, left);
    else busy.delete(socket);
    if (closing && left <= 0) socket.end();
    done();
  });
  app.addHook('preClose', (done) => {
    closing = true;
    for (const socket of open) if (!busy.has(socket)) socket.destroy();
    setTimeout(() => {
      for (const socket of open) socket.destroy();
    }, DRAIN_MS).unref();
    done();
  });
}
