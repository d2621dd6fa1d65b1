import { randomBytes } from 'node:crypto';
import { consentVersions, type CarePreferences, type IntakeAnswers, type ProviderProfileInput, type SignUpRequest } from '@haven/contract';

const firstNames = ['Ana', 'Jordan', 'Mei', 'Samir', 'Grace', 'Luis', 'Nia', 'Tomás', 'Priya', 'Eli'];

/** A realistic, unique client sign-up. */
export function aSignUp(overrides: Partial<SignUpRequest> = {}): SignUpRequest {
  const suffix = randomBytes(4).toString('hex');
  const name = firstNames[Math.floor(Math.random() * firstNames.length)]!;
  return {
    email: `${name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]/g, '')}.${suffix}@example.org`,
    password: `quiet harbor ${randomBytes(3).toString('hex')} lantern`,
    preferredName: name,
    ...overrides,
  };
}

/** A complete, valid provider profile (NPI 1234567893 passes the check digit). */
export function aProviderProfile(overrides: Partial<ProviderProfileInput> = {}): ProviderProfileInput {
  return {
    firstName: 'Marisol',
    lastName: `Ortega-${randomBytes(2).toString('hex')}`,
    pronouns: 'she/her',
    gender: 'woman',
    credentials: ['LPC'],
    yearsExperience: 9,
    npi: '1234567893',
    focusAreas: ['anxiety', 'trauma', 'work'],
    approaches: ['cbt', 'emdr'],
    languages: ['en', 'es'],
    approachStatement: 'I help people untangle anxiety and the after-effects of trauma, at a pace that feels safe.',
    timeZone: 'America/Chicago',
    businessHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    capacity: 25,
    modalities: ['messaging', 'video', 'audio'],
    coverage: ['direct', 'eap'],
    ...overrides,
  };
}

/** Care preferences of a client who wants messaging and live video sessions, at any time. */
export const messagingAndVideo: CarePreferences = {
  providerGender: null,
  approaches: [],
  careFormat: 'both',
  liveModality: 'video',
  preferredTimes: [],
};

/** Every answer a finished intake has: an adult in Texas who speaks English, for anxiety, on the messaging plan. */
export function anIntake(overrides: Partial<IntakeAnswers> = {}): IntakeAnswers {
  return {
    state: 'TX',
    dateOfBirth: '1992-03-04',
    timeZone: 'America/Chicago',
    requiredLanguages: ['en'],
    focusAreas: ['anxiety'],
    preferences: { providerGender: null, approaches: [], careFormat: 'messaging', liveModality: null, preferredTimes: [] },
    phq9: { items: [0, 0, 0, 0, 0, 0, 0, 0, 0], difficulty: null },
    gad7: { items: [0, 0, 0, 0, 0, 0, 0] },
    coverage: { kind: 'direct', plan: 'messaging' },
    consent: { telehealthVersion: consentVersions.telehealth, privacyVersion: consentVersions.privacy },
    ...overrides,
  };
}
