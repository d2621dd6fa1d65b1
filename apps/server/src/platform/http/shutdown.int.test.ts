import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { testDatabaseUrl } from '../config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const postgresUrl = testDatabaseUrl();
const schema = `test_${randomBytes(6).toString('hex')}`;
let dataDir = '';

afterAll(async () => {
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  if (!postgresUrl) return;
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end());
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('stops within 10 s of SIGTERM while idle clients hold connections open', { timeout: 120_000 }, async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'haven-stop-'));
  const port = await freePort();
  const haven = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts', 'start'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HAVEN_ENV: 'test',
      HAVEN_DEMO: 'off',
      LOG_LEVEL: 'silent',
      HAVEN_DATA_DIR: dataDir,
      ...(postgresUrl ? { DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    haven.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  await new Promise<void>((resolve, reject) => {
    haven.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Haven is running') && resolve());
    haven.once('exit', () => reject(new Error('Haven stopped before it started')));
  });

  // One browser-like client that connected and has not sent a request yet, and one keep-alive
  // connection idle between requests.
  const silent = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => silent.once('connect', resolve));
  silent.on('error', () => {});
  const agent = new http.Agent({ keepAlive: true });
  const status = await new Promise<number>((resolve) =>
    http.get({ port, host: '127.0.0.1', path: '/api/health', agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    }),
  );
  expect(status).toBe(200);

  const asked = Date.now();
  haven.kill('SIGTERM');
  const stopped = await Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000))]);
  agent.destroy();
  silent.destroy();
  if (!stopped) haven.kill('SIGKILL');
  expect(stopped, 'Haven was still running 10 s after SIGTERM').not.toBeNull();
  expect(stopped!.code).toBe(0);
  expect(stopped!.at - asked).toBeLessThan(10_000);
});
