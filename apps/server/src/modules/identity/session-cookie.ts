import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';

/** The sign-in cookie: httpOnly, SameSite=Lax, and `__Host-`/Secure behind https. */
export function sessionCookie(config: Config) {
  const name = config.secureCookies ? '__Host-haven_session' : 'haven_session';
  const options = { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies } as const;
  return {
    read: (request: FastifyRequest): string | undefined => request.cookies[name],
    set: (reply: FastifyReply, token: string) => reply.setCookie(name, token, { ...options, maxAge: config.session.absoluteMs / 1000 }),
    clear: (reply: FastifyReply) => reply.clearCookie(name, options),
  };
}

/** The pending second step of a sign-in: a short-lived cookie for `/api/auth/mfa` only. */
export function mfaChallengeCookie(config: Config, maxAgeMs: number) {
  const name = config.secureCookies ? '__Host-haven_mfa' : 'haven_mfa';
  const options = { path: '/', httpOnly: true, sameSite: 'strict', secure: config.secureCookies } as const;
  return {
    read: (request: FastifyRequest): string | undefined => request.cookies[name],
    set: (reply: FastifyReply, token: string) => reply.setCookie(name, token, { ...options, maxAge: maxAgeMs / 1000 }),
    clear: (reply: FastifyReply) => reply.clearCookie(name, options),
  };
}
