// How often each kind of route may be called, in one place. A signed-in request counts against its
// account, whichever address it comes from (rotating addresses does not buy more sends); a
// signed-out one against the client address, which is the peer's unless a proxy named in
// HAVEN_TRUSTED_PROXIES says otherwise. The counts live in memory, or in Redis when REDIS_URL is
// set so that every instance shares them (server.ts hands the plugin its store).
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

const MINUTE_MS = 60_000;
const OPERATOR_ACTIONS_PER_MINUTE = 10;
const RECORD_EXPORTS_PER_MINUTE = 6;

/**
 * The counting key. The identity hook (a root `onRequest` hook) has set `request.user` by the
 * time a route's own `onRequest` hooks run, which is where the limiter runs.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const user = (request as { user?: { id: string } | null }).user;
  return user ? `account:${user.id}` : `address:${request.ip}`;
}

const perMinute = (max: number): { rateLimit: RateLimitOptions } => ({
  rateLimit: { max, timeWindow: MINUTE_MS, keyGenerator: rateLimitKey },
});

/** Route `config` objects by kind of route: `{ config: limits.messages, schema: … }`. */
export function routeLimits(config: Pick<Config, 'rateLimit'>) {
  const numbers = config.rateLimit;
  return {
    /** Sign-in, sign-up, two-step codes, password reset and change, invitation links. */
    credentials: perMinute(numbers.authPerMinute),
    messages: perMinute(numbers.messagesPerMinute),
    uploads: perMinute(numbers.uploadsPerMinute),
    /** An operator inviting providers (each one sends an email). */
    invites: perMinute(numbers.invitesPerMinute),
    /** Ending one of your sign-ins, or all the others. */
    signInSessions: perMinute(numbers.signInSessionsPerMinute),
    /** Opening the live socket. */
    liveConnections: perMinute(numbers.liveConnectionsPerMinute),
    /** An operator's heavier or sensitive actions: verifying the audit chain, break-glass, its review. */
    operatorActions: perMinute(OPERATOR_ACTIONS_PER_MINUTE),
    /** A client downloading their whole record (every message and note opened at once), per format. */
    recordExports: perMinute(RECORD_EXPORTS_PER_MINUTE),
  };
}

export type RouteLimits = ReturnType<typeof routeLimits>;

/**
 * A fixed one-minute window of allowances for one thing (a live socket's subscribes): `take()` is
 * false once `max` have been taken in the current window. In memory, because a socket lives on one
 * instance.
 */
export function minuteWindow(max: number, now: () => number = Date.now) {
  let windowStart = now();
  let taken = 0;
  return {
    take(): boolean {
      if (now() - windowStart >= MINUTE_MS) {
        windowStart = now();
        taken = 0;
      }
      taken += 1;
      return taken <= max;
    },
    /** How many were asked for beyond `max` in this window. */
    get refused(): number {
      return Math.max(0, taken - max);
    },
  };
}
