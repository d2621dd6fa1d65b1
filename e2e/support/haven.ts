import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../../apps/server/src/testing/test-app.ts';

export type RunningHaven = { app: TestApp; url: string; close(): Promise<void> };

/** A real Haven (API and built web app) on a free localhost port. */
export async function startHaven(): Promise<RunningHaven> {
  const app = await startTestApp();
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.http.server.address() as AddressInfo;
  return { app, url: `http://localhost:${port}`, close: () => app.close() };
}
