import net, { type AddressInfo } from 'node:net';

export type BlackHoleProxy = {
  /** The same Haven, reached through the proxy (same host name, so the session cookie applies). */
  url: string;
  /**
   * The network goes silently: from now on no byte passes either way on any connection, old or
   * new, and nothing is closed — the browser is told nothing, as on a half-open connection.
   */
  cut(): void;
  /** New connections pass again; the ones cut stay dead, as they would after a real outage. */
  restore(): void;
  close(): Promise<void>;
};

/** A TCP proxy between the browser and Haven that can black-hole every connection. */
export async function startBlackHoleProxy(target: { host: string; port: number }): Promise<BlackHoleProxy> {
  const open = new Set<{ dead: boolean; sockets: net.Socket[] }>();
  let cutting = false;
  const server = net.createServer((browserSide) => {
    const link = { dead: cutting, sockets: [browserSide] };
    open.add(link);
    const havenSide = net.connect(target.port, target.host);
    link.sockets.push(havenSide);
    const pass = (from: net.Socket, to: net.Socket) => {
      from.on('data', (chunk) => void (link.dead || to.write(chunk)));
      // A close or error on one side reaches the other only while the link is alive.
      from.on('end', () => void (link.dead || to.end()));
      from.on('close', () => {
        if (!link.dead) to.destroy();
      });
      from.on('error', () => undefined);
    };
    pass(browserSide, havenSide);
    pass(havenSide, browserSide);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    cut() {
      cutting = true;
      for (const link of open) link.dead = true;
    },
    restore() {
      cutting = false;
    },
    async close() {
      for (const link of open) for (const socket of link.sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
