import type { SignInSession } from '@haven/contract';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { LiveBus } from '../../platform/events/live-bus.ts';
import { AppError } from '../../platform/http/errors.ts';
import { actorOf } from './identity.policy.ts';
import type { UserRow } from './identity.repository.ts';
import { loginSessionChannel, type SessionPolicy } from './identity.service.ts';
import { activeLoginSessionsOf, endLoginSessionsExcept, endOwnLoginSession } from './login-sessions.repository.ts';

/** Who is asking: the account and the sign-in session their cookie stands for. */
export type SignedInCaller = { user: UserRow; loginSessionId: string };

/** The longest User-Agent kept: enough for a label, too short to be a tracking fingerprint store. */
export const USER_AGENT_MAX = 256;

export function storableUserAgent(header: string | undefined): string | null {
  return header ? header.slice(0, USER_AGENT_MAX) : null;
}

const browsers: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\/|Chromium\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const systems: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Firefox on Windows": coarse on purpose, so the list helps a person recognise a device and no more. */
export function deviceLabel(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? null;
}

/** Closes the live sockets of ended sessions, on every instance. Call after the commit. */
export async function announceSessionsEnded(live: LiveBus, sessionIds: string[]): Promise<void> {
  for (const id of sessionIds) await live.publish(loginSessionChannel(id), 'ended');
}

export async function listSignInSessions(
  db: Db,
  policy: SessionPolicy,
  caller: SignedInCaller,
  now = new Date(),
): Promise<SignInSession[]> {
  const rows = await activeLoginSessionsOf(db, caller.user.id, new Date(now.getTime() - policy.idleMs), now);
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    device: deviceLabel(row.user_agent),
    current: row.id === caller.loginSessionId,
  }));
}

/** Ends one of the caller's own sessions; anyone else's id, or one already ended, is not found. */
export async function endSignInSession(db: Db, live: LiveBus, caller: SignedInCaller, sessionId: string, now = new Date()): Promise<void> {
  const ended = await db.transaction().execute(async (trx) => {
    const id = await endOwnLoginSession(trx, caller.user.id, sessionId, now);
    if (!id) throw new AppError('not_found', 'That sign-in session has already ended, or is not yours. Reload the list.');
    await recordAudit(trx, {
      actor: actorOf(caller.user),
      action: 'account.session_ended',
      subject: { type: 'user', id: caller.user.id },
      detail: { sessionId: id, current: id === caller.loginSessionId },
    });
    return id;
  });
  await announceSessionsEnded(live, [ended]);
}

/** "Sign out everywhere else": ends every session of the caller but the one they are using. */
export async function signOutOthers(db: Db, live: LiveBus, caller: SignedInCaller, now = new Date()): Promise<number> {
  const ended = await db.transaction().execute(async (trx) => {
    const ids = await endLoginSessionsExcept(trx, caller.user.id, caller.loginSessionId, now);
    await recordAudit(trx, {
      actor: actorOf(caller.user),
      action: 'account.other_sessions_ended',
      subject: { type: 'user', id: caller.user.id },
      detail: { ended: ids.length },
    });
    return ids;
  });
  await announceSessionsEnded(live, ended);
  return ended.length;
}
