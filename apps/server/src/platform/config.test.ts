import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('defaults to port 3000, ./.haven and embedded PGlite with demo accounts', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('.haven'));
    expect(config.database).toEqual({ kind: 'pglite', dir: path.resolve('.haven', 'pgdata') });
    expect(config.demo).toBe(true);
    expect(config.session).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 });
    expect(config.secureCookies).toBe(false);
    expect(config.live).toEqual({ pingMs: 25_000, subscribesPerMinute: 30, backfillMessages: 200 });
    expect(config.uploads).toEqual({ quotaBytes: 2 * 2 ** 30 });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and then creates no demo accounts', () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://haven@db.internal:5432/haven' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://haven@db.internal:5432/haven', schema: 'public' });
    expect(config.demo).toBe(false);
  });

  it('never creates demo accounts in production, even when asked', () => {
    expect(parseConfig({ HAVEN_ENV: 'production', HAVEN_DEMO: 'on' }).demo).toBe(false);
  });

  it('trusts no proxy unless told which, in production too', () => {
    expect(parseConfig({ HAVEN_ENV: 'production' }).trustedProxies).toEqual([]);
    expect(parseConfig({ HAVEN_TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.5,::1' }).trustedProxies).toEqual([
      '10.0.0.0/8',
      '192.168.1.5',
      '::1',
    ]);
  });

  it('marks cookies Secure when the public address is https', () => {
    expect(parseConfig({ HAVEN_PUBLIC_URL: 'https://care.example.org' }).secureCookies).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /DATABASE_URL/],
    [{ DATABASE_SCHEMA: 'drop table; --' }, /DATABASE_SCHEMA: .*identifier/],
    [{ HAVEN_ENV: 'staging' }, /HAVEN_ENV/],
    [{ HAVEN_LIVE_PING_SECONDS: '0' }, /HAVEN_LIVE_PING_SECONDS/],
    [{ HAVEN_LIVE_PING_SECONDS: 'often' }, /HAVEN_LIVE_PING_SECONDS/],
    [{ HAVEN_ADMIN_EMAIL: 'ops@example.org' }, /HAVEN_ADMIN_PASSWORD/],
    [{ HAVEN_TRUSTED_PROXIES: '10.0.0.1, everyone' }, /HAVEN_TRUSTED_PROXIES/],
  ])('refuses %o with a message naming the setting', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});
