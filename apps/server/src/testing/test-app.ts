import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../app.ts';
import { ensureAdmin } from '../modules/identity/identity.service.ts';
import { parseConfig, testDatabaseUrl, type Config } from '../platform/config.ts';
import { dropSchema } from '../platform/db/database.ts';

export type TestApp = App & { config: Config };

/**
 * A whole Haven in-process on a fresh database: PGlite in memory by default, or a new
 * schema on the PostgreSQL named by TEST_DATABASE_URL (dropped again on close).
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'haven-test-'));
  const postgresUrl = testDatabaseUrl();
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const parsed = parseConfig({
    HAVEN_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    HAVEN_DATA_DIR: dataDir,
    HAVEN_DEMO: 'off',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000',
    ...(postgresUrl ? { DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema } : {}),
    ...env,
  });
  const config: Config = parsed.database.kind === 'pglite' ? { ...parsed, database: { kind: 'pglite', dir: null } } : parsed;
  const app = await buildApp(config);
  return {
    ...app,
    config,
    async close() {
      await app.close();
      if (postgresUrl) await dropSchema(postgresUrl, schema);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The `name=value` pair of a Set-Cookie header, ready to send back as a Cookie header. */
export function sessionCookieFrom(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (!header) throw new Error('The response set no cookie.');
  return header.split(';')[0]!;
}

/** Creates an admin account and returns its session cookie. */
export async function signInAsNewAdmin(app: TestApp): Promise<string> {
  const suffix = randomBytes(4).toString('hex');
  const admin = { email: `ops.${suffix}@example.org`, password: `steady river granite ${randomBytes(3).toString('hex')}` };
  await ensureAdmin(app.context.db, admin);
  return signIn(app, admin);
}

/** Signs in through the API and returns the session cookie. */
export async function signIn(app: TestApp, credentials: { email: string; password: string }): Promise<string> {
  const response = await app.http.inject({ method: 'POST', url: '/api/auth/sign-in', payload: credentials });
  return sessionCookieFrom(response.headers['set-cookie']);
}
