import { z } from 'zod';
import { Password } from './accounts.ts';
import { CoverageKind, Credential, FocusArea, Gender, LanguageCode, Modality, TherapyApproach, UsState } from './vocabulary.ts';

const unique = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).refine((list) => new Set(list).size === list.length, { error: `List each ${what} once.` });

/** 'HH:MM' on a 24-hour clock; 24:00 is allowed as the end of a day. */
export const WallTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'Use a 24-hour time like 09:00.' });
export const Weekday = z.number().int().min(0).max(6); // 0 = Sunday
export const TimeWindow = z.strictObject({ start: WallTime, end: WallTime });
export const WeeklyWindow = z.strictObject({ weekday: Weekday, start: WallTime, end: WallTime });
export type WeeklyWindow = z.infer<typeof WeeklyWindow>;
export const CalendarDate = z.iso.date({ error: 'Use a date like 2027-01-31.' });

export const providerStatuses = ['invited', 'onboarding', 'active', 'inactive'] as const;
export const ProviderStatus = z.enum(providerStatuses);
export type ProviderStatus = z.infer<typeof ProviderStatus>;

export const ProviderProfileInput = z.strictObject({
  firstName: z.string().trim().min(1).max(60),
  lastName: z.string().trim().min(1).max(60),
  pronouns: z.string().trim().max(40).nullable(),
  gender: Gender,
  credentials: unique(Credential, 'credential').min(1, { error: 'Add at least one credential.' }),
  yearsExperience: z.number().int().min(0).max(70),
  npi: z.string().regex(/^\d{10}$/, { error: 'An NPI has exactly 10 digits.' }),
  focusAreas: unique(FocusArea, 'area').min(1, { error: 'Choose at least one area of expertise.' }).max(12),
  approaches: unique(TherapyApproach, 'approach').min(1, { error: 'Choose at least one approach.' }),
  languages: unique(LanguageCode, 'language').min(1, { error: 'Choose at least one language.' }),
  approachStatement: z.string().trim().min(40, { error: 'Write at least 40 characters about how you work.' }).max(2000),
  timeZone: z.string().min(1).max(64),
  businessHours: z.array(WeeklyWindow).min(1, { error: 'Set your messaging hours for at least one day.' }),
  capacity: z.number().int().min(1, { error: 'Capacity must be at least 1 client.' }).max(200),
  modalities: unique(Modality, 'modality').min(1, { error: 'Offer at least one way to meet.' }),
  coverage: unique(CoverageKind, 'coverage').min(1, { error: 'Accept at least one kind of coverage.' }),
});
export type ProviderProfileInput = z.infer<typeof ProviderProfileInput>;

/** A provider's own profile: every field may still be empty during onboarding. */
export const ProviderProfile = z.object({
  id: z.uuid(),
  status: ProviderStatus,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  pronouns: z.string().nullable(),
  gender: Gender.nullable(),
  credentials: z.array(Credential),
  yearsExperience: z.number().nullable(),
  npi: z.string().nullable(),
  focusAreas: z.array(FocusArea),
  approaches: z.array(TherapyApproach),
  languages: z.array(z.string()),
  approachStatement: z.string().nullable(),
  timeZone: z.string().nullable(),
  businessHours: z.array(WeeklyWindow),
  capacity: z.number().nullable(),
  modalities: z.array(Modality),
  coverage: z.array(CoverageKind),
  photoUrl: z.string().nullable(),
});
export type ProviderProfile = z.infer<typeof ProviderProfile>;

export const licenceStatuses = ['pending', 'verified', 'rejected', 'expired'] as const;
export const LicenceStatus = z.enum(licenceStatuses);
export type LicenceStatus = z.infer<typeof LicenceStatus>;

export const LicenceInput = z.strictObject({
  state: UsState,
  licenceType: Credential,
  number: z.string().trim().min(3, { error: 'Enter the licence number.' }).max(30),
  expiresOn: CalendarDate,
});
export type LicenceInput = z.infer<typeof LicenceInput>;

export const Licence = z.object({
  id: z.uuid(),
  state: UsState,
  licenceType: Credential,
  number: z.string(),
  expiresOn: z.string(),
  status: LicenceStatus,
  decidedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
});
export type Licence = z.infer<typeof Licence>;

export const sessionLengths = [30, 45, 50, 60, 90] as const;
export const SessionLength = z.union(sessionLengths.map((n) => z.literal(n)) as [z.ZodLiteral<30>, ...z.ZodLiteral<number>[]]);

export const AvailabilityInput = z.strictObject({
  weekly: z.array(WeeklyWindow).max(100),
  exceptions: z.array(z.strictObject({ date: CalendarDate, windows: z.array(TimeWindow).max(10) })).max(366),
  sessionLengths: unique(SessionLength, 'length').min(1, { error: 'Offer at least one session length.' }),
  bufferMinutes: z.number().int().min(0).max(120),
  minNoticeHours: z.number().int().min(0).max(336),
});
export type AvailabilityInput = z.infer<typeof AvailabilityInput>;
export const Availability = AvailabilityInput;
export type Availability = AvailabilityInput;

export const TimeOffInput = z.strictObject({
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  note: z.string().trim().max(200).optional(),
});
export type TimeOffInput = z.infer<typeof TimeOffInput>;
export const TimeOff = z.object({ id: z.uuid(), startsAt: z.string(), endsAt: z.string(), note: z.string().nullable() });
export type TimeOff = z.infer<typeof TimeOff>;

/** Everything a provider manages about themselves, in one read. */
export const ProviderWorkspace = z.object({
  profile: ProviderProfile,
  licences: z.array(Licence),
  availability: Availability,
  timeOff: z.array(TimeOff),
  readiness: z.object({ missing: z.array(z.string()), canActivate: z.boolean() }),
});
export type ProviderWorkspace = z.infer<typeof ProviderWorkspace>;

export const SlotsQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  length: z.coerce.number().pipe(SessionLength),
});
export const Slots = z.object({
  timeZone: z.string(),
  slots: z.array(z.object({ start: z.string(), end: z.string() })),
});
export type Slots = z.infer<typeof Slots>;

/** What a client sees of a provider. */
export const PublicProviderProfile = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  pronouns: z.string().nullable(),
  credentials: z.array(Credential),
  yearsExperience: z.number().nullable(),
  licences: z.array(z.object({ state: UsState, licenceType: Credential })),
  focusAreas: z.array(FocusArea),
  approaches: z.array(TherapyApproach),
  languages: z.array(z.string()),
  approachStatement: z.string().nullable(),
  modalities: z.array(Modality),
  photoUrl: z.string().nullable(),
});
export type PublicProviderProfile = z.infer<typeof PublicProviderProfile>;

export const InvitePreview = z.object({
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  expiresAt: z.string(),
});
export type InvitePreview = z.infer<typeof InvitePreview>;
export const AcceptInviteRequest = z.strictObject({ password: Password });
export type AcceptInviteRequest = z.infer<typeof AcceptInviteRequest>;
