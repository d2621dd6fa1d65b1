import { randomBytes } from 'node:crypto';
import type { ProviderProfileInput, SignUpRequest } from '@haven/contract';

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
