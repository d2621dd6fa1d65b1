import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNpi } from './npi.ts';

const nineDigits = fc.stringMatching(/^\d{9}$/);

describe('isValidNpi', () => {
  it('accepts the CMS example number and refuses it with a wrong check digit', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1234567890')).toBe(false);
  });

  it('refuses anything that is not exactly ten digits', () => {
    for (const npi of ['', '123456789', '12345678931', '123456789a', ' 1234567893', '1234-567893', '１２３４５６７８９３']) {
      expect(isValidNpi(npi), npi).toBe(false);
    }
  });

  it('has exactly one valid check digit for every nine-digit prefix', () => {
    fc.assert(
      fc.property(nineDigits, (prefix) => {
        const valid = [...'0123456789'].filter((digit) => isValidNpi(prefix + digit));
        expect(valid).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it('catches any single mistyped digit', () => {
    fc.assert(
      fc.property(nineDigits, fc.nat({ max: 9 }), fc.integer({ min: 1, max: 9 }), (prefix, position, change) => {
        const npi = [...'0123456789'].map((digit) => prefix + digit).find(isValidNpi) ?? '';
        const mistyped = String((Number(npi[position]) + change) % 10);
        expect(isValidNpi(npi.slice(0, position) + mistyped + npi.slice(position + 1))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
