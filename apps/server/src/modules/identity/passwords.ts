import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/** Argon2id with the OWASP minimum: 19 MiB of memory, 2 iterations, 1 lane. */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** zxcvbn score at or above which a password is strong enough (0–4 scale). */
const MIN_STRENGTH = 3;

const strength = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

// Verifying against this when no account exists keeps sign-in timing the same
// whether or not the email is known.
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword('decoy password that never matches anything');
  await verify(await decoyHash, password);
  return false;
}

/** True when the password is hard to guess, also given the person's own details. */
export function isStrongPassword(password: string, personal: string[]): boolean {
  const lower = password.toLowerCase();
  // A password built on the person's own name or email is the first thing an attacker tries.
  if (personal.some((word) => word.length >= 4 && lower.includes(word.toLowerCase()))) return false;
  return strength.check(password, personal).score >= MIN_STRENGTH;
}
