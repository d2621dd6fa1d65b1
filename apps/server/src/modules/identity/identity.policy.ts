import type { Role } from '@haven/contract';
import type { FastifyRequest } from 'fastify';
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
