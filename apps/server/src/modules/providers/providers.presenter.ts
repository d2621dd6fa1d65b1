import type { Availability, Credential, Licence, ProviderProfile, PublicProviderProfile, TimeOff, WeeklyWindow } from '@haven/contract';
import type { ExceptionRow, LicenceRow, ProviderRow, TimeOffRow } from './providers.repository.ts';

// The database only ever holds values the contract accepted; these casts name that fact.
const windows = (stored: Array<{ weekday: number; start: string; end: string }>) => stored as WeeklyWindow[];

export function photoUrl(provider: ProviderRow): string | null {
  return provider.photo_key ? `/api/providers/${provider.id}/photo?v=${provider.photo_key.slice(0, 8)}` : null;
}

export function presentProfile(p: ProviderRow): ProviderProfile {
  return {
    id: p.id,
    status: p.status,
    email: p.email,
    firstName: p.first_name,
    lastName: p.last_name,
    pronouns: p.pronouns,
    gender: p.gender,
    credentials: p.credentials,
    yearsExperience: p.years_experience,
    npi: p.npi,
    focusAreas: p.focus_areas,
    approaches: p.approaches,
    languages: p.languages,
    approachStatement: p.approach_statement,
    timeZone: p.time_zone,
    businessHours: windows(p.business_hours),
    capacity: p.capacity,
    modalities: p.modalities,
    coverage: p.coverage,
    photoUrl: photoUrl(p),
  };
}

export function presentLicence(l: LicenceRow): Licence {
  return {
    id: l.id,
    state: l.state,
    licenceType: l.licence_type as Credential,
    number: l.number,
    expiresOn: l.expires_on,
    status: l.status,
    decidedAt: l.decided_at?.toISOString() ?? null,
    rejectionReason: l.rejection_reason,
  };
}

export function presentAvailability(p: ProviderRow, exceptions: ExceptionRow[]): Availability {
  return {
    weekly: windows(p.weekly_availability),
    exceptions: exceptions.map((e) => ({ date: e.on_date, windows: e.windows })),
    sessionLengths: p.session_lengths,
    bufferMinutes: p.buffer_minutes,
    minNoticeHours: p.min_notice_hours,
  };
}

export function presentTimeOff(t: TimeOffRow): TimeOff {
  return { id: t.id, startsAt: new Date(t.starts_at).toISOString(), endsAt: new Date(t.ends_at).toISOString(), note: t.note };
}

export function presentPublicProfile(p: ProviderRow, licences: LicenceRow[]): PublicProviderProfile {
  return {
    id: p.id,
    firstName: p.first_name,
    lastName: p.last_name,
    pronouns: p.pronouns,
    credentials: p.credentials,
    yearsExperience: p.years_experience,
    licences: licences.map((l) => ({ state: l.state, licenceType: l.licence_type as Credential })),
    focusAreas: p.focus_areas,
    approaches: p.approaches,
    languages: p.languages,
    approachStatement: p.approach_statement,
    modalities: p.modalities,
    photoUrl: photoUrl(p),
  };
}
