import type { Role } from '@haven/contract';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type { Caller } from '../../caller.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { UserRow } from './identity.repository.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, set by the identity hook; null when signed out. */
    user: UserRow | null;
  }
}

export function requireUser(request: FastifyRequest): UserRow {
  if (!request.user) throw new AppError('unauthenticated');
  return request.user;
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): UserRow {
  const user = requireUser(request);
  if (!roles.includes(user.role)) throw new AppError('forbidden');
  return user;
}

/** How an account appears in the audit trail. */
export function actorOf(user: UserRow): { id: string; label: string } {
  return { id: user.id, label: `${user.preferred_name} (${user.role})` };
}

/** The request's caller, once its account holds one of `roles`. */
export function requireCaller(context: AppContext, request: FastifyRequest, ...roles: Role[]): Caller {
  const user = roles.length ? requireRole(request, ...roles) : requireUser(request);
  const { db, ...deps } = context;
  return { db, deps, user, actor: actorOf(user), now: new Date() };
}
