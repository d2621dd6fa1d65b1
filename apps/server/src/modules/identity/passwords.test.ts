import { describe, expect, it } from 'vitest';
import { hashPassword, isStrongPassword, verifyAgainstDecoy, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('hashes with argon2id at the OWASP parameters and verifies', async () => {
    const hash = await hashPassword('amber lighthouse 2291');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'amber lighthouse 2291')).toBe(true);
    expect(await verifyPassword(hash, 'amber lighthouse 2292')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('refuses common and personal passwords, accepts a long passphrase', () => {
    expect(isStrongPassword('password123', [])).toBe(false);
    expect(isStrongPassword('qwertyuiop', [])).toBe(false);
    expect(isStrongPassword('mariagonzalez1990', ['maria.gonzalez@example.org', 'maria', 'gonzalez'])).toBe(false);
    expect(isStrongPassword('violet canyon drums 84', [])).toBe(true);
  });

  it('checks a decoy even without an account, and always answers no', async () => {
    expect(await verifyAgainstDecoy('any password at all')).toBe(false);
  });
});
