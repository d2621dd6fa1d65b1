// The one classification of the API: which roles may call each route, and on whose ids. The
// access matrix checks the server against it; a route missing here fails the matrix, so a new
// route is classified before it ships.
import type { IdKind, TenantName } from './tenants.ts';

export type RoleName = 'signedOut' | 'clientA' | 'clientB' | 'providerA' | 'providerB' | 'admin' | 'pending';
export type Role = {
  name: RoleName;
  cookie: string | undefined;
  kind: 'client' | 'provider' | 'admin' | null;
  /** The tenant the person belongs to; operators and the onboarding provider belong to none. */
  tenant: TenantName | null;
};

/** A value put in a path parameter: a seeded id (of a tenant), or none of them. */
export type Ref = { kind: IdKind | 'random' | 'malformed'; tenant: TenantName | null; value: string };

type Who = 'anyone' | 'signedIn' | 'client' | 'provider' | 'party' | 'admin';

export type Rule = {
  who: Who;
  /**
   * For each path parameter, the kinds of id the route is about. With `ownTenant`, only ids of the
   * caller's own tenant; `own` narrows further to ids the caller holds themselves. A parameter with
   * no kinds listed (an invitation token, a plan name) is never one of the seeded ids.
   */
  params?: Record<string, IdKind[]>;
  ownTenant?: boolean;
  own?: (role: Role, ref: Ref) => boolean;
  /** Changes data: never run where it may succeed (it would change what the other cases see). */
  mutates?: boolean;
  /** Answers the room's messages to an operator (break-glass). */
  revealsContent?: boolean;
  /** An allowed read with the caller's own ids need not succeed (a provider with no photo). */
  noControl?: boolean;
};

const ownLoginSession = (role: Role, ref: Ref) =>
  (role.kind === 'client' && ref.kind === 'clientLoginSession') || (role.kind === 'provider' && ref.kind === 'providerLoginSession');

const self = (who: Who, mutates = false): Rule => ({ who, mutates });
const admin = (params?: Record<string, IdKind[]>, mutates = false): Rule => ({ who: 'admin', params, mutates });
const room = (messageKinds: IdKind[] | null, mutates = false): Rule => ({
  who: 'party',
  params: messageKinds ? { roomId: ['room'], messageId: messageKinds } : { roomId: ['room'] },
  ownTenant: true,
  mutates,
});
const liveSession = (who: Who, mutates = false, noControl = false): Rule => ({
  who,
  params: { id: ['liveSession'] },
  ownTenant: true,
  mutates,
  noControl,
});
const provider = (kinds: IdKind[]): Rule => ({ who: 'signedIn', params: { id: kinds }, noControl: true });
const never = (who: Who, param: string): Rule => ({ who, params: { [param]: [] } });

export const accessTable: Record<string, Rule> = {
  // Identity: anyone may try to sign up or in; the rest is the caller's own account.
  'POST /api/auth/sign-up': self('anyone'),
  'POST /api/auth/verify-email': self('anyone'),
  'POST /api/auth/sign-in': self('anyone'),
  // Signed out, signing out again does nothing, and says so with a 204.
  'POST /api/auth/sign-out': self('anyone', true),
  'GET /api/me': self('signedIn'),
  'POST /api/auth/password-reset': self('anyone'),
  'POST /api/auth/password-reset/complete': self('anyone'),
  'POST /api/auth/password': self('signedIn', true),
  'POST /api/account/email': self('signedIn', true),
  'POST /api/account/email/confirm': self('anyone'),
  'GET /api/auth/sessions': self('signedIn'),
  'DELETE /api/auth/sessions/{id}': {
    who: 'signedIn',
    params: { id: ['clientLoginSession', 'providerLoginSession'] },
    ownTenant: true,
    own: ownLoginSession,
    mutates: true,
  },
  'POST /api/auth/sessions/sign-out-others': self('signedIn', true),
  'POST /api/auth/mfa': self('anyone'),
  'GET /api/account/mfa': self('signedIn'),
  'POST /api/account/mfa/enrolment': self('signedIn', true),
  'POST /api/account/mfa/enrolment/confirm': self('signedIn', true),
  'POST /api/account/mfa/disable': self('signedIn', true),
  'POST /api/account/mfa/recovery-codes': self('signedIn', true),
  'POST /api/admin/users/{userId}/mfa/reset': admin({ userId: ['clientUser', 'providerUser'] }, true),
  'GET /api/account/details': self('signedIn'),
  'PUT /api/account/details': self('signedIn', true),
  'POST /api/account/close': self('client', true),

  // Audit and break-glass: a client's own record access; the rest is operators'.
  'GET /api/account/record-access': self('client'),
  'GET /api/account/export.fhir.json': self('client'),
  'GET /api/account/export.html': self('client'),
  'GET /api/admin/audit': admin(),
  'GET /api/admin/audit/status': admin(),
  'POST /api/admin/audit/verify': admin(undefined, true),
  'GET /api/admin/break-glass': admin(),
  'POST /api/admin/break-glass': admin(undefined, true),
  'GET /api/admin/break-glass/{id}/room': { ...admin({ id: ['breakGlass'] }), revealsContent: true },
  'POST /api/admin/break-glass/{id}/end': admin({ id: ['breakGlass'] }, true),
  'POST /api/admin/break-glass/{id}/review': admin({ id: ['breakGlass'] }, true),
  'GET /api/health': self('anyone'),

  // Providers: their own workspace; public profiles for anyone signed in.
  'GET /api/provider/workspace': self('provider'),
  'PUT /api/provider/profile': self('provider', true),
  'PUT /api/provider/photo': self('provider', true),
  'POST /api/provider/licences': self('provider', true),
  'DELETE /api/provider/licences/{id}': { who: 'provider', params: { id: ['licence'] }, ownTenant: true, mutates: true },
  'PUT /api/provider/availability': self('provider', true),
  'POST /api/provider/time-off': self('provider', true),
  'DELETE /api/provider/time-off/{id}': { who: 'provider', params: { id: ['timeOff'] }, ownTenant: true, mutates: true },
  'GET /api/providers/{id}': provider(['provider']),
  'GET /api/providers/{id}/slots': provider(['provider']),
  'GET /api/providers/{id}/photo': provider(['provider']),
  'GET /api/provider-invites/{token}': never('anyone', 'token'),
  'POST /api/provider-invites/{token}/accept': never('anyone', 'token'),
  'POST /api/admin/provider-invites': admin(undefined, true),
  'GET /api/admin/providers': admin(),
  'GET /api/admin/providers/{id}': admin({ id: ['provider'] }),
  'POST /api/admin/providers/{id}/activate': admin({ id: ['provider'] }, true),
  'POST /api/admin/providers/{id}/deactivate': admin({ id: ['provider'] }, true),
  'GET /api/admin/licences': admin(),
  'POST /api/admin/licences/{id}/decision': admin({ id: ['licence'] }, true),

  'GET /api/notifications': self('signedIn'),
  'PUT /api/notifications/settings': self('signedIn', true),
  'GET /api/admin/outbox': admin(),

  // Care: a client's own intake and care team; a provider's own caseload and sessions.
  'GET /api/intake': self('client'),
  'PUT /api/intake': self('client', true),
  'GET /api/intake/first-session-slots': self('client'),
  'POST /api/intake/submit': self('client', true),
  'GET /api/care': self('client'),
  'POST /api/care/request-provider': self('client', true),
  'POST /api/care/switch': self('client', true),
  'PUT /api/care/history-access': self('client', true),
  'POST /api/care/messaging-sessions': self('client', true),
  'GET /api/provider/clients': self('provider'),
  'POST /api/provider/messaging-sessions/{id}/complete': {
    who: 'provider',
    params: { id: ['messagingSession'] },
    ownTenant: true,
    mutates: true,
  },
  'POST /api/provider/sessions/{id}/outcome': liveSession('provider', true),
  // Re-screening: the client's own check-ins; their current provider's view and interval.
  'GET /api/screeners': self('client'),
  'POST /api/screeners': self('client', true),
  'GET /api/provider/clients/{clientId}/screeners': { who: 'provider', params: { clientId: ['client'] }, ownTenant: true },
  'PUT /api/provider/clients/{clientId}/screeners/interval': {
    who: 'provider',
    params: { clientId: ['client'] },
    ownTenant: true,
    mutates: true,
  },
  'GET /api/admin/matching': admin(),
  'POST /api/admin/matching/run': admin(undefined, true),
  'GET /api/admin/safety-flags': admin(),
  'POST /api/admin/safety-flags/{id}/follow-up': admin({ id: ['safetyFlag'] }, true),

  'GET /api/coverage/options': self('signedIn'),
  'GET /api/coverage': self('client'),
  'POST /api/coverage': self('client', true),
  'POST /api/coverage/plan': self('client', true),
  'GET /api/admin/partners': admin(),
  'POST /api/admin/partners/eap': admin(undefined, true),
  'POST /api/admin/partners/eap/{id}/codes': admin({ id: ['eapPartner'] }, true),
  'POST /api/admin/partners/eap/{id}/codes/{code}/deactivate': admin({ id: ['eapPartner'], code: ['eapCode'] }, true),
  'POST /api/admin/partners/health-plans': admin(undefined, true),
  'GET /api/admin/plans': admin(),
  'PUT /api/admin/plans/{plan}': never('admin', 'plan'),
  'GET /api/admin/clients': admin(),
  'GET /api/admin/clients/{id}/ledger': admin({ id: ['client'] }),

  // Live sessions: the two people booked, and no one else.
  'GET /api/sessions/options': self('client'),
  'POST /api/sessions': self('client', true),
  'GET /api/sessions': self('party'),
  'GET /api/sessions/{id}': liveSession('party'),
  'GET /api/sessions/{id}/options': liveSession('party', false, true),
  'POST /api/sessions/{id}/reschedule': liveSession('party', true),
  'POST /api/sessions/{id}/cancel': liveSession('party', true),
  'POST /api/sessions/{id}/decision': liveSession('provider', true),
  'POST /api/sessions/{id}/join': liveSession('party', true),
  'POST /api/sessions/{id}/modality': liveSession('party', true),
  'POST /api/sessions/{id}/end': liveSession('party', true),
  'GET /api/provider/session-settings': self('provider'),
  'PUT /api/provider/session-settings': self('provider', true),
  'GET /api/provider/calendar': self('provider'),
  'GET /api/sessions/calendar.ics': self('party'),
  'GET /api/sessions/{id}/calendar.ics': liveSession('party'),

  // Notes: the session's own provider only.
  'GET /api/provider/sessions/{id}/note': liveSession('provider'),
  'PUT /api/provider/sessions/{id}/note': liveSession('provider', true),
  'POST /api/provider/sessions/{id}/note/sign': liveSession('provider', true),
  'POST /api/provider/sessions/{id}/note/amendments': liveSession('provider', true),
  'PUT /api/provider/sessions/{id}/psychotherapy-note': liveSession('provider', true),

  // The room: its client and current provider only (an operator reads it through break-glass).
  'GET /api/rooms': self('signedIn'),
  'GET /api/rooms/{roomId}': room(null),
  'GET /api/rooms/{roomId}/messages': room(null),
  'POST /api/rooms/{roomId}/messages': room(null, true),
  'POST /api/rooms/{roomId}/uploads': room(null, true),
  'GET /api/rooms/{roomId}/messages/{messageId}/media': room(['mediaMessage']),
  'POST /api/rooms/{roomId}/read': room(null, true),
  'POST /api/rooms/{roomId}/messages/{messageId}/star': room(['textMessage', 'mediaMessage'], true),
  'GET /api/admin/response-times': admin(),
  'GET /api/provider/inbox': self('provider'),
};

/** Whether `role` may call a route with the rule `who` at all. */
export function admits(who: Who, role: Role): boolean {
  switch (who) {
    case 'anyone':
      return true;
    case 'signedIn':
      return role.kind !== null;
    case 'party':
      return role.kind === 'client' || role.kind === 'provider';
    default:
      return role.kind === who;
  }
}

/** The classification's answer: may this call succeed? */
export function mayCall(rule: Rule, role: Role, params: Record<string, Ref>): boolean {
  if (!admits(rule.who, role)) return false;
  for (const [name, ref] of Object.entries(params)) {
    const kinds = rule.params?.[name] ?? [];
    if (!kinds.includes(ref.kind as IdKind)) return false;
    if (rule.ownTenant && (role.tenant === null || ref.tenant !== role.tenant)) return false;
    if (rule.own && !rule.own(role, ref)) return false;
  }
  return true;
}
