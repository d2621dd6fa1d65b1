import type { AppContext } from './app-context.ts';
import { systemActor, type Actor } from './platform/audit/audit.ts';
import type { Db } from './platform/db/database.ts';
import type { UserRow } from './modules/identity/identity.service.ts';

/** The shared pieces a service may use besides the database (keys, payments, the live bus…). */
export type Deps = Omit<AppContext, 'db'>;

/**
 * Who is asking, and with what: built once per request by the route (`requireCaller`) or by a job
 * (`systemCaller`), and passed first to every service function.
 */
export type Caller = {
  db: Db;
  deps: Deps;
  /** The signed-in account the request acts for. */
  user: UserRow;
  /** How the request appears in the audit trail: the signed-in account. */
  actor: Actor & { id: string };
  /** The request's clock: one instant for everything the request decides. */
  now: Date;
};

/** A job's caller: nobody is signed in, and the audit trail says Haven did it. */
export type SystemCaller = Omit<Caller, 'user' | 'actor'> & { actor: Actor };

/** A caller on another database handle (a transaction), otherwise the same. */
export const withDb = <C extends { db: Db }>(caller: C, db: Db): C => ({ ...caller, db });

export function systemCaller(context: Pick<AppContext, 'db'> & Deps, now = new Date()): SystemCaller {
  const { db, ...deps } = context;
  return { db, deps, actor: systemActor, now };
}
