import path from 'node:path';
import { z } from 'zod';

/**
 * The whole configuration, parsed once at boot. This is the only file that reads
 * `process.env`; everything else receives a `Config`.
 */
const IceServer = z.strictObject({
  urls: z.union([z.string().regex(/^(stun|turns?):/), z.array(z.string().regex(/^(stun|turns?):/)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

const Env = z.object({
  HAVEN_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** The reverse proxies whose X-Forwarded-For is believed: addresses or CIDRs, comma-separated. Unset → none. */
  HAVEN_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: 'each entry must be an IP address or a CIDR' }))),
  /** Two-step sign-in for providers and admins: `auto` is on in production. */
  HAVEN_REQUIRE_MFA: z.enum(['auto', 'on', 'off']).default('auto'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  HAVEN_DATA_DIR: z.string().min(1).default('./.haven'),
  /** Absent → embedded PGlite in the data dir. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** PostgreSQL schema to use (tests use a fresh one per run). */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier')
    .default('public'),
  /** The address people open; decides whether cookies are `Secure`. */
  HAVEN_PUBLIC_URL: z.url().optional(),
  HAVEN_WEB_DIST: z.string().optional(),
  /** The local master-key file (default: master.key in the data dir). */
  HAVEN_MASTER_KEY_FILE: z.string().min(1).optional(),
  HAVEN_ADMIN_EMAIL: z.email().optional(),
  HAVEN_ADMIN_PASSWORD: z.string().min(12).optional(),
  HAVEN_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Default: `info` in production, `warn` otherwise so the console shows what to open. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().positive().default(10),
  // What one account (or, signed out, one address) may do in a minute: generous for a person, bounded for a script.
  RATE_LIMIT_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(60),
  RATE_LIMIT_UPLOADS_PER_MINUTE: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_INVITES_PER_MINUTE: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_SIGN_IN_SESSIONS_PER_MINUTE: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_LIVE_CONNECTIONS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Room subscriptions one live socket may ask for in a minute. */
  HAVEN_LIVE_SUBSCRIBES_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** The most messages a (re)subscription sends; older missed ones are fetched over HTTP paging. */
  HAVEN_LIVE_BACKFILL_MESSAGES: z.coerce.number().int().min(1).max(1000).default(200),
  HAVEN_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(7),
  /** Weeks of re-screens without improvement after which a conversation about fit is offered. */
  HAVEN_FIT_CONVERSATION_WEEKS: z.coerce.number().int().min(2).max(52).default(8),
  /** Absent → live events stay in this process; set it to share them across instances. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Absent → email stays in the outbox (shown in the console); e.g. smtp://user:pass@host:587. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().min(3).default('Haven <no-reply@haven.invalid>'),
  /** How long a worker holds an email it is handing to SMTP before another worker may retry it. */
  HAVEN_MAIL_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** How often the live socket pings each tab; a tab that misses a ping is dropped, and drops a silent server. */
  HAVEN_LIVE_PING_SECONDS: z.coerce.number().int().min(1).max(300).default(25),
  /** The most a room (one client's) recordings and files may hold in all, in bytes. */
  HAVEN_UPLOAD_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 50)
    .default(2 * 2 ** 30),
  // STUN/TURN servers handed to browsers for live sessions, as JSON (coturn in production).
  HAVEN_ICE_SERVERS: z
    .string()
    .default('[]')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: 'must be JSON, e.g. [{"urls":"turn:turn.example.org:3478","username":"u","credential":"p"}]',
        });
        return z.NEVER;
      }
    })
    .pipe(z.array(IceServer).max(10)),
  // When session reminders go out, in minutes before the start.
  HAVEN_REMINDER_MINUTES: z
    .string()
    .default('1440,60')
    .transform((text) => text.split(',').map((part) => Number(part.trim())))
    .pipe(z.array(z.number().int().min(1).max(10_080)).min(1).max(5)),
});

export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'postgres'; url: string; schema: string } | { kind: 'pglite'; dir: string | null };
  publicUrl: string;
  secureCookies: boolean;
  webDist: string;
  masterKeyFile: string;
  admin: { email: string; password: string } | null;
  demo: boolean;
  logLevel: NonNullable<z.infer<typeof Env>['LOG_LEVEL']>;
  session: { idleMs: number; absoluteMs: number };
  /** Per minute, per account when signed in, else per client address. */
  rateLimit: {
    authPerMinute: number;
    messagesPerMinute: number;
    uploadsPerMinute: number;
    invitesPerMinute: number;
    signInSessionsPerMinute: number;
    liveConnectionsPerMinute: number;
  };
  /** Providers and admins must set up two-step sign-in before anything else. */
  requireMfa: boolean;
  trustedProxies: string[];
  redisUrl: string | null;
  smtp: { url: string; from: string; leaseSeconds: number } | null;
  iceServers: IceServer[];
  reminderMinutes: number[];
  live: { pingMs: number; subscribesPerMinute: number; backfillMessages: number };
  uploads: { quotaBytes: number };
  /** How long a closed account's clinical record is kept after the last contact, before its data key is destroyed. */
  retentionYears: number;
  fitConversationWeeks: number;
};

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Haven cannot start: the configuration is invalid.\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.HAVEN_ADMIN_EMAIL && !e.HAVEN_ADMIN_PASSWORD) {
    throw new ConfigError('Haven cannot start: HAVEN_ADMIN_EMAIL is set but HAVEN_ADMIN_PASSWORD is not.');
  }
  const dataDir = path.resolve(e.HAVEN_DATA_DIR);
  const publicUrl = e.HAVEN_PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const embedded = e.DATABASE_URL === undefined;
  return {
    env: e.HAVEN_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: embedded
      ? { kind: 'pglite', dir: path.join(dataDir, 'pgdata') }
      : { kind: 'postgres', url: e.DATABASE_URL!, schema: e.DATABASE_SCHEMA },
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    webDist: path.resolve(e.HAVEN_WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
    masterKeyFile: path.resolve(e.HAVEN_MASTER_KEY_FILE ?? path.join(dataDir, 'master.key')),
    admin: e.HAVEN_ADMIN_EMAIL ? { email: e.HAVEN_ADMIN_EMAIL, password: e.HAVEN_ADMIN_PASSWORD! } : null,
    // Demo accounts only ever exist on the embedded default, never in production.
    demo: e.HAVEN_ENV !== 'production' && (e.HAVEN_DEMO === 'on' || (e.HAVEN_DEMO === 'auto' && embedded)),
    logLevel: e.LOG_LEVEL ?? (e.HAVEN_ENV === 'production' ? 'info' : 'warn'),
    session: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000 },
    rateLimit: {
      authPerMinute: e.RATE_LIMIT_AUTH_PER_MINUTE,
      messagesPerMinute: e.RATE_LIMIT_MESSAGES_PER_MINUTE,
      uploadsPerMinute: e.RATE_LIMIT_UPLOADS_PER_MINUTE,
      invitesPerMinute: e.RATE_LIMIT_INVITES_PER_MINUTE,
      signInSessionsPerMinute: e.RATE_LIMIT_SIGN_IN_SESSIONS_PER_MINUTE,
      liveConnectionsPerMinute: e.RATE_LIMIT_LIVE_CONNECTIONS_PER_MINUTE,
    },
    requireMfa: e.HAVEN_REQUIRE_MFA === 'on' || (e.HAVEN_REQUIRE_MFA === 'auto' && e.HAVEN_ENV === 'production'),
    trustedProxies: e.HAVEN_TRUSTED_PROXIES,
    redisUrl: e.REDIS_URL ?? null,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM, leaseSeconds: e.HAVEN_MAIL_LEASE_SECONDS } : null,
    iceServers: e.HAVEN_ICE_SERVERS,
    reminderMinutes: [...new Set(e.HAVEN_REMINDER_MINUTES)].sort((a, b) => b - a),
    live: {
      pingMs: e.HAVEN_LIVE_PING_SECONDS * 1000,
      subscribesPerMinute: e.HAVEN_LIVE_SUBSCRIBES_PER_MINUTE,
      backfillMessages: e.HAVEN_LIVE_BACKFILL_MESSAGES,
    },
    uploads: { quotaBytes: e.HAVEN_UPLOAD_QUOTA_BYTES },
    retentionYears: e.HAVEN_RETENTION_YEARS,
    fitConversationWeeks: e.HAVEN_FIT_CONVERSATION_WEEKS,
  };
}

/** Reads the process environment; the one place that does. */
export function loadConfig(): Config {
  return parseConfig(process.env);
}

/** Everything tests may need from the environment, read here so `process.env` stays in one file. */
export function testRedisUrl(): string | undefined {
  return process.env.TEST_REDIS_URL || process.env.REDIS_URL || undefined;
}

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

/** This process's environment plus `extra`, for a child process (pg_dump's PGPASSWORD). */
export function childEnv(extra: Record<string, string>): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}
