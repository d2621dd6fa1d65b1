import type { AttendanceNotice } from '@haven/domain';
import type { Db } from '../db/database.ts';

/** A party to a live session, as a notice about it needs them. */
export type SessionParty = { userId: string | null; name: string; timeZone: string | null };

/** What every event about one live session says, so its handlers need not read it back. */
export type SessionFacts = {
  sessionId: string;
  startsAt: string;
  modality: 'video' | 'audio' | 'chat';
  client: SessionParty;
  provider: SessionParty;
};

export type SessionChange = 'confirmed' | 'declined' | 'cancelled' | 'rescheduled' | 'cancelled_provider_changed';
export type { AttendanceNotice };

export type LapsedLicence = {
  providerId: string;
  providerName: string;
  licenceId: string;
  licenceType: string;
  number: string;
  state: string;
  expiresOn: string;
};

/**
 * Every fact other parts of Haven react to, with its payload. A payload carries what its handlers
 * need to act on the fact as it was when it happened (names, times, zones), never message content.
 */
export type DomainEvent =
  | { type: 'provider.deactivated'; payload: { providerId: string; reason: string } }
  | { type: 'provider.activated'; payload: { providerId: string } }
  | { type: 'licences.expired'; payload: { licences: LapsedLicence[] } }
  | {
      type: 'message.sent';
      payload: {
        roomId: string;
        messageId: string;
        seq: number;
        sender: { userId: string; name: string; role: 'client' | 'provider' };
        recipientUserId: string | null;
      };
    }
  | { type: 'session.booked'; payload: SessionFacts & { count: number; status: 'booked' | 'requested' } }
  | {
      type: 'session.changed';
      /** `withNote`: the person wrote why (sealed on the session; never carried by an event). */
      payload: SessionFacts & { change: SessionChange; by: 'client' | 'provider'; withNote: boolean };
    }
  | { type: 'session.attendance'; payload: SessionFacts & { outcome: AttendanceNotice } }
  | { type: 'session.reminder_due'; payload: SessionFacts & { userId: string; minutesBefore: number } }
  | {
      type: 'assignment.started';
      payload: {
        clientId: string;
        providerId: string;
        route: string;
        replaced: { assignmentId: string; reason: 'switch' | 'provider_left' } | null;
      };
    }
  /** A client's provider left them (deactivated or gone): told whether or not a new match was found. */
  | { type: 'assignment.ended'; payload: { clientId: string; providerId: string; providerName: string; reason: 'provider_left' } }
  | { type: 'safety.flag_raised'; payload: { clientId: string; reasons: string[]; alreadyOpen: boolean } }
  /** A client's PHQ-9 and GAD-7 re-screen fell due (once per due cycle): the client is reminded. */
  | { type: 'screener.rescreen_due'; payload: { clientId: string; dueAt: string } }
  /** A re-screen's item 9 was above 0: the current provider and the operators are alerted at once. */
  | { type: 'screener.crisis_answer'; payload: { clientId: string; providerUserId: string | null; alreadyOpen: boolean } }
  /** An account's password was set anew, by a reset link or by the signed-in person: its owner is told. */
  | { type: 'account.password_changed'; payload: { userId: string; how: 'reset' | 'change' } }
  /** Someone signed up with an address that already has an account: its owner is told, the stranger is not. */
  | { type: 'account.sign_up_repeated'; payload: { userId: string } }
  | { type: 'account.closed'; payload: { userId: string; retainUntil: string } }
  /** An operator turned off an account's two-step sign-in (a lost device). */
  | { type: 'account.mfa_reset'; payload: { userId: string } }
  /** The audit trail did not verify (an edited, removed or inserted row, or a checkpoint that disagrees). */
  | { type: 'audit.verification_failed'; payload: { problem: string; firstBroken: string | null } }
  /** An operator opened a client's room under break-glass: the other operators are asked to review it. */
  | { type: 'break_glass.opened'; payload: { grantId: string; operatorId: string } };

export type DomainEventType = DomainEvent['type'];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
/** An event as stored: its place in the log and when it happened. */
export type RecordedEvent<T extends DomainEventType = DomainEventType> = EventOf<T> & { seq: string; at: Date };

/**
 * Records an event in the same transaction as the change it describes; the worker hands it to its
 * handlers later (`event-processor.ts`), so a crash between the two can never lose one.
 */
export async function recordEvent(trx: Db, event: DomainEvent): Promise<void> {
  await trx
    .insertInto('domain_events')
    .values({ type: event.type, payload: JSON.stringify(event.payload) })
    .execute();
}
