// Per-account sign-in backoff (PRODUCT §3), on top of the per-address limit: wrong passwords for
// one email, from wherever they come, make the next attempt wait — 30 s after the 5th in a row,
// doubling to at most 15 minutes. During the wait even the right password is refused, so guessing
// gains nothing; the wait is short and capped, so nobody can lock the owner out for long, and a
// password reset does not wait at all. Unknown emails are counted the same way, so the answer
// says nothing about who has an account.
import { createHash } from 'node:crypto';
import { AppError } from '../../platform/http/errors.ts';
import type { FailureCounter } from '../../platform/limits/failures.ts';
import { normalizeEmail } from './identity.repository.ts';

const FREE_FAILURES = 4;
const FIRST_WAIT_SECONDS = 30;
const MAX_WAIT_SECONDS = 15 * 60;
const WINDOW_SECONDS = 60 * 60;

/** How long to wait after `failures` wrong passwords in a row. */
export function waitAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(FIRST_WAIT_SECONDS * 2 ** (failures - FREE_FAILURES - 1), MAX_WAIT_SECONDS);
}

export function signInBackoff(counter: FailureCounter) {
  // The key names no email in the store.
  const keyOf = (email: string) => `sign-in:${createHash('sha256').update(normalizeEmail(email)).digest('hex')}`;
  return {
    /** Refuses the attempt while the account's wait lasts. */
    async check(email: string, now = Date.now()): Promise<void> {
      const state = await counter.read(keyOf(email));
      if (!state) return;
      const retryAfter = Math.ceil((state.lastAt + waitAfter(state.failures) * 1000 - now) / 1000);
      if (retryAfter > 0) throw paused(retryAfter);
    },
    async failed(email: string, now = Date.now()): Promise<void> {
      await counter.fail(keyOf(email), WINDOW_SECONDS, now);
    },
    async succeeded(email: string): Promise<void> {
      await counter.clear(keyOf(email));
    },
  };
}
export type SignInBackoff = ReturnType<typeof signInBackoff>;

function paused(retryAfterSeconds: number): AppError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait = retryAfterSeconds < 60 ? `${retryAfterSeconds} seconds` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return new AppError(
    'rate_limited',
    `Too many wrong passwords for this account. Wait ${wait} and try again, or reset your password.`,
    undefined,
    retryAfterSeconds,
  );
}
