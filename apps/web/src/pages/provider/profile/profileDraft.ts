import {
  ProviderProfileInput,
  type CoverageKind,
  type Credential,
  type FocusArea,
  type Gender,
  type Modality,
  type ProviderProfile,
  type TherapyApproach,
} from '@haven/contract';
import { checkWith, type FieldMessages } from '../../../forms/fieldMessages.ts';
import type { Validation } from '../../../forms/problems.ts';

/** Messaging hours for one weekday; the form offers one stretch of hours a day. */
export type BusinessDay = { available: boolean; start: string; end: string };

/** The profile form as typed: numbers are still text, and choices may be missing. */
export type ProfileDraft = {
  firstName: string;
  lastName: string;
  pronouns: string;
  gender: Gender | '';
  credentials: Credential[];
  yearsExperience: string;
  npi: string;
  focusAreas: FocusArea[];
  approaches: TherapyApproach[];
  approachStatement: string;
  languages: string[];
  modalities: Modality[];
  coverage: CoverageKind[];
  capacity: string;
  timeZone: string;
  /** Indexed by weekday, 0 = Sunday. */
  businessHours: BusinessDay[];
};
export type ProfileField = keyof ProfileDraft;

export type ProfileSectionProps = {
  draft: ProfileDraft;
  update: (change: Partial<ProfileDraft>) => void;
  errorFor: (field: ProfileField) => string | undefined;
};

/** In the order the fields appear, which is the order the error summary lists them. */
export const profileFieldIds: Record<ProfileField, string> = {
  firstName: 'profile-first-name',
  lastName: 'profile-last-name',
  pronouns: 'profile-pronouns',
  gender: 'profile-gender',
  credentials: 'profile-credentials',
  yearsExperience: 'profile-years',
  npi: 'profile-npi',
  focusAreas: 'profile-focus-areas',
  approaches: 'profile-approaches',
  approachStatement: 'profile-approach-statement',
  languages: 'profile-languages',
  modalities: 'profile-modalities',
  coverage: 'profile-coverage',
  capacity: 'profile-capacity',
  timeZone: 'profile-time-zone',
  businessHours: 'profile-business-hours',
};

export const profileMessages: FieldMessages<ProfileField> = {
  firstName: 'validation.profile.firstName',
  lastName: 'validation.profile.lastName',
  pronouns: 'validation.profile.pronouns',
  gender: 'validation.profile.gender',
  credentials: 'validation.profile.credentials',
  yearsExperience: 'validation.profile.yearsExperience',
  npi: 'validation.profile.npi',
  focusAreas: 'validation.profile.focusAreas',
  approaches: 'validation.profile.approaches',
  approachStatement: 'validation.profile.approachStatement',
  languages: 'validation.profile.languages',
  modalities: 'validation.profile.modalities',
  coverage: 'validation.profile.coverage',
  capacity: 'validation.profile.capacity',
  timeZone: 'validation.profile.timeZone',
  businessHours: 'validation.profile.businessHours',
};
const closedDay: BusinessDay = { available: false, start: '09:00', end: '17:00' };

export function draftFromProfile(profile: ProviderProfile): ProfileDraft {
  const businessHours = [0, 1, 2, 3, 4, 5, 6].map((weekday): BusinessDay => {
    const window = profile.businessHours.find((hours) => hours.weekday === weekday);
    return window ? { available: true, start: window.start, end: window.end } : closedDay;
  });
  return {
    firstName: profile.firstName,
    lastName: profile.lastName,
    pronouns: profile.pronouns ?? '',
    gender: profile.gender ?? '',
    credentials: profile.credentials,
    yearsExperience: profile.yearsExperience?.toString() ?? '',
    npi: profile.npi ?? '',
    focusAreas: profile.focusAreas,
    approaches: profile.approaches,
    approachStatement: profile.approachStatement ?? '',
    languages: profile.languages,
    modalities: profile.modalities,
    coverage: profile.coverage,
    capacity: profile.capacity?.toString() ?? '',
    timeZone: profile.timeZone ?? '',
    businessHours,
  };
}

/** Text to a number; empty text is no number at all, rather than zero. */
const numberFrom = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

const hoursMakeSense = (day: BusinessDay) => !day.available || (day.start !== '' && day.end > day.start);

/** Checks the draft against the contract, and that each day's hours end after they start. */
export function checkProfile(draft: ProfileDraft): Validation<ProviderProfileInput, ProfileField> {
  const input: Record<keyof ProviderProfileInput, unknown> = {
    ...draft,
    pronouns: draft.pronouns.trim() || null,
    gender: draft.gender || undefined,
    yearsExperience: numberFrom(draft.yearsExperience),
    npi: draft.npi.replace(/[\s-]/g, ''),
    capacity: numberFrom(draft.capacity),
    businessHours: draft.businessHours.flatMap((day, weekday) => (day.available ? [{ weekday, start: day.start, end: day.end }] : [])),
  };
  const checked = checkWith(ProviderProfileInput, input, profileMessages);
  if (draft.businessHours.every(hoursMakeSense)) return checked;
  const fields = checked.ok ? {} : checked.problem.fields;
  return { ok: false, problem: { fields: { ...fields, businessHours: { key: profileMessages.businessHours } } } };
}
