// Calendars: the provider's own week (sessions, published hours, time off) and the .ics files
// either party adds to the calendar they already use. A file names the other person by first
// name only and says nothing clinical: calendars are synced, shared and shown on lock screens.
import type { LiveModality, LiveStatus, ProviderCalendar } from '@haven/contract';
import { publishedWindows, writeIcs, type IcsEvent, type IcsStatus } from '@haven/domain';
import type { Caller } from '../../caller.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { UserRow } from '../identity/identity.service.ts';
import { providerOf, publishedHours } from '../providers/providers.service.ts';
import { partyOf } from './sessions.policy.ts';
import { presentSessions } from './sessions.presenter.ts';
import * as repo from './sessions.repository.ts';

export const MAX_CALENDAR_DAYS = 42;
const DAY_MS = 86_400_000;

/** The provider's calendar over [from, to): every session in it, whatever became of it, over their hours. */
export async function providerCalendar({ db, deps, user, now }: Caller, range: { from: Date; to: Date }): Promise<ProviderCalendar> {
  if (range.to <= range.from) {
    throw new AppError('validation_failed', '`to` must be after `from`.', [{ field: 'to', message: '`to` must be after `from`.' }]);
  }
  if (range.to.getTime() - range.from.getTime() > MAX_CALENDAR_DAYS * DAY_MS) {
    throw new AppError('range_too_long', `Ask for at most ${MAX_CALENDAR_DAYS} days of your calendar at once.`);
  }
  const provider = await providerOf(db, user);
  const [hours, rows] = await Promise.all([
    publishedHours(db, provider, range.from),
    repo.sessionsOfParty(db, { providerId: provider.id }, range),
  ]);
  const available = hours ? publishedWindows(hours.availability, range) : [];
  return {
    timeZone: provider.time_zone ?? 'UTC',
    sessions: await presentSessions(deps.sealer, rows, now),
    available: available.map((window) => ({ start: window.start.toISOString(), end: window.end.toISOString() })),
    timeOff: (hours?.timeOff ?? [])
      .filter((off) => new Date(off.startsAt) < range.to)
      .map((off) => ({ start: off.startsAt, end: off.endsAt, note: off.note })),
    autoConfirm: provider.auto_confirm,
  };
}

// ── .ics files ──────────────────────────────────────────────────────────────────────────────

type Viewer = 'client' | 'provider';

const ICS_STATUS: Record<LiveStatus, IcsStatus> = {
  requested: 'TENTATIVE',
  booked: 'CONFIRMED',
  completed: 'CONFIRMED',
  cancelled: 'CANCELLED',
};
/** A session only moves forward (requested → booked → completed or cancelled), so its status orders its versions. */
const SEQUENCE: Record<LiveStatus, number> = { requested: 0, booked: 1, completed: 2, cancelled: 2 };

const MODALITY_WORDS: Record<LiveModality, string> = {
  video: 'Video session',
  audio: 'Audio session',
  chat: 'Live chat session',
};

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

export const sessionUrl = (publicUrl: string, sessionId: string) => `${publicUrl.replace(/\/+$/, '')}/sessions/${sessionId}`;

function calendarEvent(row: repo.SessionWithParties, viewer: Viewer, publicUrl: string): IcsEvent {
  const other = viewer === 'client' ? row.provider_first_name : firstName(row.client_name);
  const url = sessionUrl(publicUrl, row.id);
  const minutes = Math.round((new Date(row.ends_at).getTime() - new Date(row.starts_at).getTime()) / 60_000);
  const lines = [`${MODALITY_WORDS[row.modality]}, ${minutes} minutes.`];
  if (row.status === 'requested') lines.push(viewer === 'client' ? 'Waiting for your provider to confirm.' : 'Waiting for you to confirm.');
  if (row.status === 'cancelled') lines.push('This session was cancelled.');
  lines.push(`Join from Haven: ${url}`);
  return {
    uid: `${row.id}@haven`,
    start: new Date(row.starts_at),
    end: new Date(row.ends_at),
    summary: `Haven session with ${other}`,
    description: lines.join('\n'),
    url,
    status: ICS_STATUS[row.status],
    sequence: SEQUENCE[row.status],
  };
}

/** An .ics file, and the clients whose sessions it holds (for the audit trail). */
export type CalendarFile = { filename: string; body: string; clientIds: string[] };

/** One session as a file, for either party; anyone else is told there is no such session. */
export async function sessionCalendarFile(
  db: Db,
  publicUrl: string,
  user: UserRow,
  sessionId: string,
  now = new Date(),
): Promise<CalendarFile> {
  const { role: viewer, session: row } = await partyOf(db, user, sessionId);
  const body = writeIcs({
    method: row.status === 'cancelled' ? 'CANCEL' : 'PUBLISH',
    stamp: now,
    events: [calendarEvent(row, viewer, publicUrl)],
  });
  return { filename: `haven-session-${new Date(row.starts_at).toISOString().slice(0, 10)}.ics`, body, clientIds: [row.client_id] };
}

/** Every session still to come that holds its time (requested or booked), for the signed-in person. */
export async function upcomingCalendarFile(db: Db, publicUrl: string, user: UserRow, now = new Date()): Promise<CalendarFile> {
  const party = await ownParty(db, user);
  const rows = party ? await repo.sessionsOfParty(db, party, { from: now }) : [];
  const viewer: Viewer = party && 'clientId' in party ? 'client' : 'provider';
  const open = rows.filter((row) => (repo.OPEN_STATUSES as readonly LiveStatus[]).includes(row.status));
  const events = open.map((row) => calendarEvent(row, viewer, publicUrl));
  return {
    filename: 'haven-sessions.ics',
    body: writeIcs({ method: 'PUBLISH', stamp: now, events }),
    clientIds: open.map((row) => row.client_id),
  };
}

async function ownParty(db: Db, user: UserRow): Promise<{ clientId: string } | { providerId: string } | null> {
  if (user.role === 'client') {
    const client = await repo.clientOfUser(db, user.id);
    return client ? { clientId: client.id } : null;
  }
  if (user.role === 'provider') {
    const provider = await repo.providerOfUser(db, user.id);
    return provider ? { providerId: provider.id } : null;
  }
  return null;
}
