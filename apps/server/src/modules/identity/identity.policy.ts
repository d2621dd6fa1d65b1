import type { Role } from '@haven/contract';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type { Caller } from '../../caller.ts';
import { recordRead, type Whose } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { UserRow } from './identity.repository.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, set by the identity hook; null when signed out. */
    user: UserRow | null;
    /** The sign-in session the cookie stands for; null when signed out. */
    loginSessionId: string | null;
  }
}

export function requireUser(request: FastifyRequest): UserRow {
  if (!request.user) throw new AppError('unauthenticated');
  return request.user;
}

/** The signed-in account and the sign-in session its cookie stands for. */
export function requireSignIn(request: FastifyRequest): { user: UserRow; loginSessionId: string } {
  if (!request.user || !request.loginSessionId) throw new AppError('unauthenticated');
  return { user: request.user, loginSessionId: request.loginSessionId };
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): UserRow {
  const user = requireUser(request);
  if (!roles.includes(user.role)) throw new AppError('forbidden');
  return user;
}

/** How an account appears in the audit trail. */
export function actorOf(user: UserRow, ip: string | null = null): { id: string; label: string; ip: string | null } {
  return { id: user.id, label: `${user.preferred_name} (${user.role})`, ip };
}

/** The request's caller, once its account holds one of `roles`. */
export function requireCaller(context: AppContext, request: FastifyRequest, ...roles: Role[]): Caller {
  return callerFor(context, roles.length ? requireRole(request, ...roles) : requireUser(request), request.ip);
}

/** A caller for an account already checked (a live socket's, per frame, with the address it opened from), on a fresh clock. */
export function callerFor(context: AppContext, user: UserRow, ip: string | null = null): Caller {
  const { db, ...deps } = context;
  return { db, deps, user, actor: actorOf(user, ip), now: new Date() };
}

/**
 * Answers a route's result once the read of health data it is has its audit row: `whose` names
 * the clients whose records it shows (see recordRead).
 */
export async function audited<T>(
  db: Db,
  request: FastifyRequest,
  action: string,
  result: T,
  whose: Whose | ((result: T) => Whose),
  detail?: Record<string, unknown>,
): Promise<T> {
  await recordRead(db, actorOf(requireUser(request), request.ip), action, typeof whose === 'function' ? whose(result) : whose, detail);
  return result;
}

/** A read of the signed-in client's own record. */
export const ownRecord = (request: FastifyRequest): Whose => ({ users: [requireUser(request).id] });
