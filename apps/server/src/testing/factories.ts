import { randomBytes } from 'node:crypto';
import type { SignUpRequest } from '@haven/contract';

const firstNames = ['Ana', 'Jordan', 'Mei', 'Samir', 'Grace', 'Luis', 'Nia', 'Tomás', 'Priya', 'Eli'];

/** A realistic, unique client sign-up. */
export function aSignUp(overrides: Partial<SignUpRequest> = {}): SignUpRequest {
  const suffix = randomBytes(4).toString('hex');
  const name = firstNames[Math.floor(Math.random() * firstNames.length)]!;
  return {
    email: `${name.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${suffix}@example.org`,
    password: `quiet harbor ${randomBytes(3).toString('hex')} lantern`,
    preferredName: name,
    ...overrides,
  };
}
