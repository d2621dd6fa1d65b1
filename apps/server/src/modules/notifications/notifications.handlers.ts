// Who hears what, decided from the events other modules record. Each handler runs in the
// transaction that marks its event processed (platform/events/event-processor.ts), so a notice or
// an email is written exactly once however often the worker restarts; live pushes of the bell's
// count run after the commit.
import { sessionTime } from '@haven/domain';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SessionFacts } from '../../platform/events/domain-events.ts';
import { on, type EventHandler } from '../../platform/events/event-processor.ts';
import { adminEmails } from '../identity/identity.service.ts';
import { catalogueFor } from './catalogue.ts';
import * as repo from './notifications.repository.ts';
import { pushUnreadCounts, sendEmail, tellAboutSession } from './notifications.service.ts';

/** At most one email per room and recipient in this window: a burst of messages is one email. */
export const MESSAGE_EMAIL_WINDOW_MS = 15 * 60_000;

type Deps = Pick<AppContext, 'db' | 'live' | 'presence'> & { publicUrl: string };

export function notificationHandlers(deps: Deps): EventHandler[] {
  const words = catalogueFor();
  const url = deps.publicUrl;
  const pushTo = (userIds: (string | null)[]) => () =>
    pushUnreadCounts(
      deps.db,
      deps.live,
      userIds.filter((id): id is string => id !== null),
    );

  /** Tells one party about a session, in their own zone; returns whom it told. */
  async function tell(
    trx: Db,
    facts: SessionFacts,
    to: 'client' | 'provider',
    write: (p: { other: string; when: string }) => {
      bell: string;
      template: string;
      email: (bell: string) => { subject: string; text: string };
    },
  ): Promise<string | null> {
    const party = facts[to];
    if (!party.userId) return null;
    const other = to === 'client' ? facts.provider.name : facts.client.name;
    const { bell, template, email } = write({ other, when: sessionTime(new Date(facts.startsAt), party.timeZone) });
    await tellAboutSession(trx, {
      userId: party.userId,
      sessionId: facts.sessionId,
      bell,
      template,
      named: email(bell),
      discreet: words.discreet.session({ link: url }),
    });
    return party.userId;
  }

  return [
    on('message.sent', 'notifications.message', async (trx, event) => {
      const { recipientUserId: recipient, roomId, sender } = event.payload;
      // Someone reading their room hears the message there, not from the bell or their inbox.
      if (!recipient || (await deps.presence.isOnline(recipient))) return;
      await repo.addNotice(trx, { user_id: recipient, kind: 'message', room_id: roomId });
      const contact = await repo.contactOf(trx, recipient);
      if (!contact.email_messages) return;
      if (!(await repo.claimEmailSlot(trx, recipient, roomId, event.at, MESSAGE_EMAIL_WINDOW_MS))) return;
      const link = `${url}/${sender.role === 'client' ? 'provider/inbox' : 'room'}`;
      const email = contact.discreet_notifications
        ? words.discreet.newMessage({ link })
        : words.email.newMessage({ sender: sender.name, link });
      await sendEmail(trx, contact.email, 'message.new', email);
    }),

    on('session.booked', 'notifications.session-booked', async (trx, { payload: p }) => {
      const requested = p.status === 'requested';
      const told = await tell(trx, p, 'provider', ({ when }) => {
        const what = words.bell.booking({ count: p.count, modality: p.modality, when });
        const bell = requested
          ? words.bell.sessionRequested({ client: p.client.name, what })
          : words.bell.sessionBooked({ client: p.client.name, what });
        const link = `${url}/provider/calendar`;
        return {
          bell,
          template: requested ? 'session.requested' : 'session.booked',
          email: (text) => (requested ? words.email.newRequest({ bell: text, link }) : words.email.newSession({ bell: text, link })),
        };
      });
      return pushTo([told]);
    }),

    on('session.changed', 'notifications.session-changed', async (trx, { payload: p }) => {
      const to = p.by === 'provider' ? 'client' : 'provider';
      const told = await tell(trx, p, to, ({ other, when }) => {
        if (p.change === 'cancelled_provider_changed') {
          const bell = words.bell.cancelledProviderChanged({ other, when });
          return {
            bell,
            template: 'session.cancelled',
            email: (text) => words.email.sessionCancelled({ bell: text, link: `${url}/sessions` }),
          };
        }
        const bell = words.bell[p.change]({ other, when, withNote: p.withNote });
        return {
          bell,
          template: `session.${p.change}`,
          email: (text) => words.email.sessionChanged({ bell: text, link: `${url}/sessions/${p.sessionId}` }),
        };
      });
      return pushTo([told]);
    }),

    on('session.attendance', 'notifications.session-attendance', async (trx, { payload: p }) => {
      const told: (string | null)[] = [];
      for (const to of ['client', 'provider'] as const) {
        told.push(
          await tell(trx, p, to, ({ when }) => ({
            bell: words.bell.attendance[p.outcome][to]({ other: p.client.name, when }),
            template: `session.${p.outcome}`,
            email: (text) => words.email.attendance({ bell: text, link: `${url}/sessions/${p.sessionId}` }),
          })),
        );
      }
      return pushTo(told);
    }),

    on('session.reminder_due', 'notifications.session-reminder', async (trx, { payload: p }) => {
      const toClient = p.userId === p.client.userId;
      const other = toClient ? p.provider.name : p.client.name;
      // Each party reads the time in their own zone; a client without one reads their provider's.
      const zone = toClient ? (p.client.timeZone ?? p.provider.timeZone) : p.provider.timeZone;
      const what = words.modality[p.modality];
      const bell = words.bell.reminder({ what, other, when: sessionTime(new Date(p.startsAt), zone) });
      await tellAboutSession(trx, {
        userId: p.userId,
        sessionId: p.sessionId,
        bell,
        template: 'session.reminder',
        named: words.email.reminder({ bell, what, other, link: `${url}/sessions/${p.sessionId}` }),
        discreet: words.discreet.reminder({ link: url }),
      });
      return pushTo([p.userId]);
    }),

    on('assignment.started', 'notifications.matched', async (trx, { payload: p }) => {
      // Matched at once while signing up, by name or by a switch, the client is on the page that says so.
      if (p.route !== 'batch') return;
      const contact = await repo.contactOfClient(trx, p.clientId);
      await sendEmail(trx, contact.email, 'care.matched', words.email.matched());
    }),

    on('assignment.ended', 'notifications.provider-left', async (trx, { payload: p }) => {
      const contact = await repo.contactOfClient(trx, p.clientId);
      await sendEmail(trx, contact.email, 'care.provider_left', words.email.providerLeft({ provider: p.providerName }));
    }),

    on('safety.flag_raised', 'notifications.safety', async (trx, { payload: p }) => {
      if (p.alreadyOpen) return;
      for (const to of await adminEmails(trx)) await sendEmail(trx, to, 'safety.follow_up', words.email.safetyFollowUp());
    }),

    on('screener.rescreen_due', 'notifications.rescreen-due', async (trx, { payload: p }) => {
      const contact = await repo.contactOfClient(trx, p.clientId);
      await repo.addNotice(trx, { user_id: contact.id, kind: 'screener', text: words.bell.rescreenDue() });
      await sendEmail(trx, contact.email, 'screeners.rescreen_due', words.email.rescreenDue({ link: `${url}/home` }));
      return pushTo([contact.id]);
    }),

    on('screener.crisis_answer', 'notifications.rescreen-crisis', async (trx, { payload: p }) => {
      const client = await repo.contactOfClient(trx, p.clientId);
      const room = await trx.selectFrom('rooms').select('id').where('client_id', '=', p.clientId).executeTakeFirst();
      const bell = words.bell.rescreenCrisis({ client: client.preferred_name });
      const told: string[] = [];
      if (p.providerUserId) {
        await repo.addNotice(trx, { user_id: p.providerUserId, kind: 'screener', room_id: room?.id ?? null, text: bell });
        const provider = await repo.contactOf(trx, p.providerUserId);
        await sendEmail(trx, provider.email, 'screeners.crisis_answer', words.email.rescreenCrisis({ link: `${url}/provider/inbox` }));
        told.push(p.providerUserId);
      }
      for (const admin of await trx.selectFrom('users').select(['id', 'email']).where('role', '=', 'admin').execute()) {
        await repo.addNotice(trx, { user_id: admin.id, kind: 'screener', text: bell });
        // A newly raised flag already emails the operators (notifications.safety); one that was open does not.
        if (p.alreadyOpen)
          await sendEmail(trx, admin.email, 'screeners.crisis_answer', words.email.rescreenCrisis({ link: `${url}/admin/safety` }));
        told.push(admin.id);
      }
      return pushTo(told);
    }),

    on('account.mfa_reset', 'notifications.mfa_reset', async (trx, { payload: p }) => {
      const user = await trx.selectFrom('users').select('email').where('id', '=', p.userId).executeTakeFirst();
      if (user) await sendEmail(trx, user.email, 'account.mfa_reset', words.email.mfaReset({ link: `${url}/settings` }));
    }),

    on('audit.verification_failed', 'notifications.audit', async (trx, { payload: p }) => {
      const email = words.email.auditBroken({ problem: p.problem, link: `${url}/admin/audit` });
      for (const to of await adminEmails(trx)) await sendEmail(trx, to, 'audit.verification_failed', email);
    }),

    on('break_glass.opened', 'notifications.break_glass', async (trx, { payload: p }) => {
      const email = words.email.breakGlassOpened({ link: `${url}/admin/break-glass` });
      for (const to of await adminEmails(trx, { except: p.operatorId })) await sendEmail(trx, to, 'break_glass.opened', email);
    }),

    on('licences.expired', 'notifications.licences', async (trx, { payload: p }) => {
      const lines = p.licences.map((l) => `- ${l.providerName}: ${l.licenceType} ${l.number} (${l.state}) expired ${l.expiresOn}`);
      for (const to of await adminEmails(trx)) await sendEmail(trx, to, 'licences.expired', words.email.licencesExpired({ lines }));
    }),
  ];
}
