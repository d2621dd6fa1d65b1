// Booking a live session with the current provider, and changing it (PRODUCT §2.5). Every write
// locks the provider's row first, so two requests for one slot are decided one after the other
// and the second finds the first; the ledger reserves in the same transaction.
import type { BookingOptions, BookLiveSessionRequest, LiveModality, LiveSession, SessionSettings } from '@haven/contract';
import { isOpenStatus, sessionTime, weeklySeries } from '@haven/domain';
import { randomUUID } from 'node:crypto';
import type { Caller } from '../../caller.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as coverage from '../coverage/coverage.service.ts';
import * as ledger from '../coverage/session-ledger.ts';
import type { UserRow } from '../identity/identity.service.ts';
import { bookableSlots } from '../providers/providers.service.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';
import { scheduleReminders } from './reminders.ts';
import { presentOneSession, presentSessions, sessionFacts } from './sessions.presenter.ts';
import { partyOf } from './sessions.policy.ts';
import * as repo from './sessions.repository.ts';

type Range = { from: Date; to: Date };

export const MINUTE_MS = 60_000;
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);
export const subject = (clientId: string) => ({ type: 'client', id: clientId });
const LIVE_MODALITIES: LiveModality[] = ['video', 'audio', 'chat'];

// ── Reading ────────────────────────────────────────────────────────────────────────────────

async function currentProviderOf(db: Db, user: UserRow): Promise<{ clientId: string; roomId: string; provider: repo.ProviderBooking }> {
  const client = await repo.clientOfUser(db, user.id);
  const assignment = client && (await repo.currentAssignment(db, client.id));
  if (!client || !assignment)
    throw new AppError('conflict', 'You do not have a provider yet. We will tell you as soon as you are matched.');
  const provider = await repo.providerForBooking(db, assignment.provider_id, dayOf(new Date()));
  if (!provider) throw new AppError('not_found');
  return { clientId: client.id, roomId: assignment.room_id, provider };
}

/** The length offered first: 50 minutes when the provider offers it. */
export const usualLength = (provider: Pick<repo.ProviderBooking, 'session_lengths'>) =>
  provider.session_lengths.includes(50) ? 50 : (provider.session_lengths[0] ?? 50);
const offeredModalities = (provider: repo.ProviderBooking) => LIVE_MODALITIES.filter((m) => provider.modalities.includes(m));

/** Open slots of `length` with a provider: their hours, notice and time off, less sessions and buffers. */
export async function openSlotsOf(db: Db, provider: repo.ProviderBooking, range: Range, length: number, now: Date, exceptId?: string) {
  const { slots } = await bookableSlots(db, provider, { ...range, length }, now);
  const taken = await repo.openSessionsNear(db, provider.id, range.from, range.to, provider.buffer_minutes, exceptId);
  const margin = provider.buffer_minutes * MINUTE_MS;
  return slots.filter(
    (slot) =>
      !taken.some(
        (s) =>
          new Date(s.starts_at).getTime() - margin < new Date(slot.end).getTime() &&
          new Date(slot.start).getTime() < new Date(s.ends_at).getTime() + margin,
      ),
  );
}

function options(provider: repo.ProviderBooking, length: number, slots: BookingOptions['slots']): BookingOptions {
  return {
    providerId: provider.id,
    providerName: `${provider.first_name} ${provider.last_name}`,
    lengths: [...provider.session_lengths].sort((a, b) => a - b),
    lengthMinutes: length,
    modalities: offeredModalities(provider),
    minNoticeHours: provider.min_notice_hours,
    needsConfirmation: !provider.auto_confirm,
    slots,
  };
}

export async function bookingOptions({ db, user, now }: Caller, range: Range & { length?: number }): Promise<BookingOptions> {
  const { provider } = await currentProviderOf(db, user);
  const length = range.length ?? usualLength(provider);
  return options(provider, length, await openSlotsOf(db, provider, range, length, now));
}

/** Times the session could move to: same provider, same length. */
export async function rescheduleOptions({ db, user, now }: Caller, sessionId: string, range: Range): Promise<BookingOptions> {
  const { session } = await partyOf(db, user, sessionId);
  const length = lengthOf(session);
  const provider = keepingLength(await requireProvider(db, session.provider_id), length);
  return options(provider, length, await openSlotsOf(db, provider, range, length, now, session.id));
}

export async function sessionsOf({ db, deps, user, now }: Caller): Promise<{ upcoming: LiveSession[]; past: LiveSession[] }> {
  const party = await partyFilter(db, user);
  const rows = await repo.sessionsOfParty(db, party, { from: new Date(now.getTime() - 180 * 86_400_000) });
  const sessions = await presentSessions(deps.sealer, rows, now);
  const isUpcoming = (s: LiveSession) => isOpenStatus(s.status) && new Date(s.endsAt) > now;
  return { upcoming: sessions.filter(isUpcoming), past: sessions.filter((s) => !isUpcoming(s)).reverse() };
}

export async function sessionOf({ db, deps, user, now }: Caller, sessionId: string): Promise<LiveSession> {
  return presentOneSession(deps.sealer, (await partyOf(db, user, sessionId)).session, now);
}

async function partyFilter(db: Db, user: UserRow): Promise<{ clientId: string } | { providerId: string }> {
  if (user.role === 'provider') {
    const provider = await repo.providerOfUser(db, user.id);
    if (!provider) throw new AppError('forbidden');
    return { providerId: provider.id };
  }
  const client = await repo.clientOfUser(db, user.id);
  return { clientId: client?.id ?? '00000000-0000-0000-0000-000000000000' };
}

export async function requireProvider(db: Db, providerId: string): Promise<repo.ProviderBooking> {
  const provider = await repo.providerForBooking(db, providerId, dayOf(new Date()));
  if (!provider) throw new AppError('not_found');
  return provider;
}

/** A session moves at its own length, even one the provider has since stopped offering. */
export const keepingLength = (provider: repo.ProviderBooking, length: number): repo.ProviderBooking =>
  provider.session_lengths.includes(length) ? provider : { ...provider, session_lengths: [...provider.session_lengths, length] };

export const lengthOf = (s: Pick<repo.SessionRow, 'starts_at' | 'ends_at'>) =>
  Math.round((new Date(s.ends_at).getTime() - new Date(s.starts_at).getTime()) / MINUTE_MS);

// ── Booking ────────────────────────────────────────────────────────────────────────────────

/** Books one session or a weekly series; all of it or none of it. */
export async function book({ db, deps, actor, user, now }: Caller, request: BookLiveSessionRequest): Promise<LiveSession[]> {
  const { clientId, roomId, provider } = await currentProviderOf(db, user);
  if (!provider.session_lengths.includes(request.lengthMinutes)) {
    throw AppError.invalid(
      'lengthMinutes',
      `${provider.first_name} offers ${provider.session_lengths.join(', ')}-minute sessions. Choose one of those.`,
    );
  }
  if (!provider.modalities.includes(request.modality)) {
    throw AppError.invalid(
      'modality',
      `${provider.first_name} offers ${offeredModalities(provider).join(', ')} sessions. Choose one of those.`,
    );
  }
  const zone = (await repo.clientTimeZone(db, clientId)) ?? provider.time_zone ?? 'UTC';
  const starts = request.recurrence
    ? weeklySeries(new Date(request.start), zone, request.recurrence.everyWeeks, request.recurrence.count)
    : [new Date(request.start)];
  const current = await coverage.currentCoverageOf(db, clientId);
  const costs: number[] = [];
  for (const start of starts) {
    if (start <= now) throw AppError.invalid('start', 'That time has passed. Choose a time in the future.');
    if (!(await coverage.allowanceOf(db, current, dayOf(start))).live) {
      throw new AppError('not_in_plan', 'Your plan does not include live sessions. Your plan page shows how to add them.');
    }
    const estimate = await coverage.estimateOf(db, deps.eligibility, current, dayOf(start));
    if (estimate) coverage.requireAccepted(estimate, request.acceptedCostCents);
    costs.push(estimate?.costCents ?? 0);
    await requireOpenSlot(db, provider, start, request.lengthMinutes, now, zone);
  }
  const seriesId = starts.length > 1 ? randomUUID() : null;
  const status = provider.auto_confirm ? 'booked' : 'requested';
  const ids = await db.transaction().execute(async (trx) => {
    await repo.lockProvider(trx, provider.id);
    const booked: string[] = [];
    for (const [index, start] of starts.entries()) {
      const end = new Date(start.getTime() + request.lengthMinutes * MINUTE_MS);
      if (await overlapsBooking(trx, provider, start, end)) throw slotTaken(start, zone);
      const locked = await coverage.lockCurrentCoverage(trx, clientId);
      const session = await repo.insertSession(trx, {
        client_id: clientId,
        provider_id: provider.id,
        room_id: roomId,
        starts_at: start,
        ends_at: end,
        modality: request.modality,
        current_modality: request.modality,
        status,
        confirmed_at: status === 'booked' ? now : null,
        series_id: seriesId,
        coverage_id: locked.id,
        cost_cents: costs[index] ?? 0,
      });
      await ledger.reserveLiveSession(trx, locked, { id: session.id, startsAt: start, costCents: costs[index] ?? 0 });
      await remindBoth(trx, session.id, deps.config.reminderMinutes, now);
      booked.push(session.id);
    }
    await recordAudit(trx, { actor, action: 'live_session.booked', subject: subject(clientId), detail: { sessionIds: booked, status } });
    const first = await repo.sessionWithParties(trx, booked[0]!);
    if (first) await recordEvent(trx, { type: 'session.booked', payload: { ...sessionFacts(first), count: starts.length, status } });
    return booked;
  });
  return presentSessions(deps.sealer, await repo.sessionsWithParties(db, ids), now);
}

export async function requireOpenSlot(
  db: Db,
  provider: repo.ProviderBooking,
  start: Date,
  length: number,
  now: Date,
  zone: string,
  exceptId?: string,
): Promise<void> {
  const end = new Date(start.getTime() + length * MINUTE_MS);
  const slots = await openSlotsOf(db, provider, { from: start, to: end }, length, now, exceptId);
  if (!slots.some((slot) => new Date(slot.start).getTime() === start.getTime())) throw slotTaken(start, zone);
}

/** Another open session within the provider's buffer of [start, end)? Ask under the provider's row lock. */
export async function overlapsBooking(
  trx: Db,
  provider: Pick<repo.ProviderBooking, 'id' | 'buffer_minutes'>,
  start: Date,
  end: Date,
  exceptId?: string,
): Promise<boolean> {
  return (await repo.openSessionsNear(trx, provider.id, start, end, provider.buffer_minutes, exceptId)).length > 0;
}

export function slotTaken(start: Date, zone: string): AppError {
  return new AppError(
    'slot_taken',
    `${sessionTime(start, zone)} is not open any more: it was just taken, is too soon, or is outside your provider's hours. Choose another time.`,
  );
}

/** Reminders for both people; a request's go out too, so nobody forgets to answer it. */
export async function remindBoth(trx: Db, sessionId: string, reminderMinutes: number[], now: Date): Promise<void> {
  const session = await repo.sessionWithParties(trx, sessionId);
  if (!session) return;
  const userIds = [session.client_user_id, session.provider_user_id].filter((id): id is string => id !== null);
  await scheduleReminders(trx, { id: session.id, startsAt: new Date(session.starts_at), userIds }, reminderMinutes, now);
}

// ── Provider settings ──────────────────────────────────────────────────────────────────────

export async function settingsOf({ db, user }: Caller): Promise<SessionSettings> {
  const provider = await repo.providerOfUser(db, user.id);
  if (!provider) throw new AppError('forbidden');
  return { autoConfirm: provider.auto_confirm };
}

export async function saveSettings({ db, actor, user }: Caller, settings: SessionSettings): Promise<SessionSettings> {
  const provider = await repo.providerOfUser(db, user.id);
  if (!provider) throw new AppError('forbidden');
  await db.transaction().execute(async (trx) => {
    await repo.setAutoConfirm(trx, provider.id, settings.autoConfirm);
    await recordAudit(trx, {
      actor,
      action: 'provider.session_settings',
      subject: { type: 'provider', id: provider.id },
      detail: settings,
    });
  });
  return settings;
}
