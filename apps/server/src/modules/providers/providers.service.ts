import type {
  AvailabilityInput,
  LicenceInput,
  ProviderProfileInput,
  ProviderWorkspace,
  PublicProviderProfile,
  Slots,
  TimeOff,
  TimeOffInput,
} from '@haven/contract';
import { isIanaTimeZone, isValidNpi, openSlots, validateAvailability, type Availability, type WeeklyWindow } from '@haven/domain';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { BlobStore } from '../../platform/storage/blob-store.ts';
import type { UserRow } from '../identity/identity.service.ts';
import { toWebpPortrait } from './photos.ts';
import { presentAvailability, presentLicence, presentProfile, presentPublicProfile, presentTimeOff } from './providers.presenter.ts';
import * as repo from './providers.repository.ts';
import { licenceCounts, missingForActivation } from './readiness.ts';

const MAX_SLOT_RANGE_DAYS = 31;
const MAX_TIME_OFF_DAYS = 366;

export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

const invalid = (field: string, message: string) => AppError.invalid(field, message);

/** The provider record behind a signed-in provider account. */
export async function providerOf(db: Db, user: UserRow): Promise<repo.ProviderRow> {
  const provider = await repo.findProviderByUser(db, user.id);
  if (!provider) throw new AppError('not_found', 'No provider profile is linked to this account.');
  return provider;
}

export async function workspaceOf(db: Db, provider: repo.ProviderRow, now = new Date()): Promise<ProviderWorkspace> {
  const [licences, exceptions, timeOff] = await Promise.all([
    repo.licencesOf(db, provider.id),
    repo.exceptionsOf(db, provider.id),
    repo.timeOffOf(db, provider.id, now),
  ]);
  const missing = missingForActivation(provider, licences, todayUtc(now));
  return {
    profile: presentProfile(provider),
    licences: licences.map(presentLicence),
    availability: presentAvailability(provider, exceptions),
    timeOff: timeOff.map(presentTimeOff),
    readiness: { missing, canActivate: missing.length === 0 && provider.status !== 'active' },
  };
}

export async function updateProfile(db: Db, provider: repo.ProviderRow, input: ProviderProfileInput): Promise<void> {
  if (!isValidNpi(input.npi)) throw invalid('npi', 'That NPI number is not valid: its check digit does not match. Check it against NPPES.');
  if (!isIanaTimeZone(input.timeZone)) throw invalid('timeZone', 'Choose a time zone from the list, such as America/Chicago.');
  const hoursProblems = validateAvailability({
    timeZone: input.timeZone,
    weekly: input.businessHours as WeeklyWindow[],
    exceptions: [],
    timeOff: [],
    bufferMinutes: 0,
  });
  if (hoursProblems.length) throw invalid('businessHours', hoursProblems.join(' '));
  await repo.updateProvider(db, provider.id, {
    first_name: input.firstName,
    last_name: input.lastName,
    pronouns: input.pronouns || null,
    gender: input.gender,
    credentials: input.credentials,
    years_experience: input.yearsExperience,
    npi: input.npi,
    focus_areas: input.focusAreas,
    approaches: input.approaches,
    languages: input.languages,
    approach_statement: input.approachStatement,
    time_zone: input.timeZone,
    business_hours: JSON.stringify(input.businessHours),
    capacity: input.capacity,
    modalities: input.modalities,
    coverage: input.coverage,
  });
}

export async function replacePhoto(db: Db, blobs: BlobStore, provider: repo.ProviderRow, upload: Buffer): Promise<void> {
  const portrait = await toWebpPortrait(upload);
  const key = await blobs.put(portrait, 'image/webp');
  await repo.updateProvider(db, provider.id, { photo_key: key });
  if (provider.photo_key) await blobs.delete(provider.photo_key);
}

export async function addLicence(db: Db, provider: repo.ProviderRow, input: LicenceInput, now = new Date()): Promise<void> {
  if (input.expiresOn <= todayUtc(now)) {
    throw invalid('expiresOn', 'That expiry date has passed. Add the renewed license with its new expiry date.');
  }
  const existing = await repo.licencesOf(db, provider.id);
  const duplicate = existing.find(
    (l) => l.state === input.state && l.licence_type === input.licenceType && (l.status === 'pending' || licenceCounts(l, todayUtc(now))),
  );
  if (duplicate) throw new AppError('conflict', `You already have a ${input.licenceType} license for ${input.state} on file.`);
  await repo.insertLicence(db, {
    provider_id: provider.id,
    state: input.state,
    licence_type: input.licenceType,
    number: input.number,
    expires_on: input.expiresOn,
  });
}

export async function removeLicence(db: Db, provider: repo.ProviderRow, licenceId: string): Promise<void> {
  const licence = await repo.findLicence(db, licenceId);
  if (!licence || licence.provider_id !== provider.id) throw new AppError('not_found', 'That license is not on your profile.');
  if (licence.status === 'verified' || licence.status === 'expired') {
    throw new AppError('conflict', 'Verified and expired licenses stay on record. Ask operations to correct one.');
  }
  await repo.deleteLicence(db, licenceId);
}

export async function setAvailability(db: Db, provider: repo.ProviderRow, input: AvailabilityInput): Promise<void> {
  if (!provider.time_zone) throw invalid('weekly', 'Choose your time zone in your profile first: your hours are in that zone.');
  const problems = validateAvailability({
    timeZone: provider.time_zone,
    weekly: input.weekly as WeeklyWindow[],
    exceptions: input.exceptions,
    timeOff: [],
    bufferMinutes: input.bufferMinutes,
  });
  if (problems.length) throw invalid('weekly', problems.join(' '));
  await db.transaction().execute(async (trx) => {
    await repo.updateProvider(trx, provider.id, {
      weekly_availability: JSON.stringify(input.weekly),
      session_lengths: input.sessionLengths,
      buffer_minutes: input.bufferMinutes,
      min_notice_hours: input.minNoticeHours,
    });
    await repo.replaceExceptions(
      trx,
      provider.id,
      input.exceptions.map((e) => ({ provider_id: provider.id, on_date: e.date, windows: JSON.stringify(e.windows) })),
    );
  });
}

export async function addTimeOff(db: Db, provider: repo.ProviderRow, input: TimeOffInput): Promise<void> {
  const start = new Date(input.startsAt);
  const end = new Date(input.endsAt);
  if (end <= start) throw invalid('endsAt', 'Time off must end after it starts.');
  if (end.getTime() - start.getTime() > MAX_TIME_OFF_DAYS * 86_400_000)
    throw invalid('endsAt', 'Enter time off of at most a year at once.');
  await repo.insertTimeOff(db, { provider_id: provider.id, starts_at: start, ends_at: end, note: input.note ?? null });
}

export async function removeTimeOff(db: Db, provider: repo.ProviderRow, id: string): Promise<void> {
  if (!(await repo.deleteTimeOff(db, provider.id, id))) throw new AppError('not_found', 'That time off is not on your calendar.');
}

/** A provider as a client may see them: only active providers, unless it is you or an operator. */
export async function visibleProvider(db: Db, viewer: UserRow, providerId: string): Promise<repo.ProviderRow> {
  const provider = await repo.findProvider(db, providerId);
  const visible = provider && (provider.status === 'active' || viewer.role === 'admin' || provider.user_id === viewer.id);
  if (!visible) throw new AppError('not_found', 'We could not find that provider.');
  return provider;
}

export async function publicProfile(db: Db, provider: repo.ProviderRow, now = new Date()): Promise<PublicProviderProfile> {
  const licences = (await repo.licencesOf(db, provider.id)).filter((l) => licenceCounts(l, todayUtc(now)));
  return presentPublicProfile(provider, licences);
}

/** Profiles by id as clients see them (any status: a client's history names past providers too). */
export async function publicProfilesById(db: Db, ids: string[], now = new Date()): Promise<Map<string, PublicProviderProfile>> {
  const profiles = new Map<string, PublicProviderProfile>();
  for (const id of new Set(ids)) {
    const provider = await repo.findProvider(db, id);
    if (provider) profiles.set(id, await publicProfile(db, provider, now));
  }
  return profiles;
}

/**
 * A provider's published hours as the domain reads them, with their time off ending after `from`
 * (with its notes, for their own calendar); null until they have a time zone.
 */
export async function publishedHours(
  db: Db,
  provider: repo.ProviderRow,
  from: Date,
): Promise<{ availability: Availability; timeOff: TimeOff[] } | null> {
  if (!provider.time_zone) return null;
  const [exceptions, timeOff] = await Promise.all([repo.exceptionsOf(db, provider.id), repo.timeOffOf(db, provider.id, from)]);
  const availability: Availability = {
    timeZone: provider.time_zone,
    weekly: provider.weekly_availability as WeeklyWindow[],
    exceptions: exceptions.map((e) => ({ date: e.on_date, windows: e.windows })),
    timeOff: timeOff.map((t) => ({ start: new Date(t.starts_at), end: new Date(t.ends_at) })),
    bufferMinutes: provider.buffer_minutes,
  };
  return { availability, timeOff: timeOff.map(presentTimeOff) };
}

export async function bookableSlots(
  db: Db,
  provider: repo.ProviderRow,
  query: { from: Date; to: Date; length: number },
  now = new Date(),
): Promise<Slots> {
  if (!provider.time_zone) return { timeZone: 'UTC', slots: [] };
  if (query.to <= query.from) throw invalid('to', '`to` must be after `from`.');
  if (query.to.getTime() - query.from.getTime() > MAX_SLOT_RANGE_DAYS * 86_400_000) {
    throw invalid('to', `Ask for at most ${MAX_SLOT_RANGE_DAYS} days of slots at once.`);
  }
  if (!provider.session_lengths.includes(query.length)) {
    throw invalid('length', `This provider offers ${provider.session_lengths.join(', ')}-minute sessions.`);
  }
  const earliest = new Date(now.getTime() + provider.min_notice_hours * 3_600_000);
  const from = query.from > earliest ? query.from : earliest;
  if (from >= query.to) return { timeZone: provider.time_zone, slots: [] };
  const hours = await publishedHours(db, provider, from);
  const slots = hours ? openSlots(hours.availability, query.length, { from, to: query.to }) : [];
  return { timeZone: provider.time_zone, slots: slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })) };
}
