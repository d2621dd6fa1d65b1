import { describe, expect, it } from 'vitest';
import { centsToDollarsField, dollarsFieldToCents, formatCents, wholeNumberField } from './money.ts';

describe('formatCents', () => {
  it('shows US dollars', () => {
    expect(formatCents(36000)).toBe('$360.00');
    expect(formatCents(5)).toBe('$0.05');
    expect(formatCents(136050)).toBe('$1,360.50');
  });
});

describe('dollarsFieldToCents', () => {
  it('reads dollars and cents as an operator types them', () => {
    expect(dollarsFieldToCents('360')).toBe(36000);
    expect(dollarsFieldToCents(' $1,360.5 ')).toBe(136050);
    expect(dollarsFieldToCents('0.07')).toBe(7);
    expect(dollarsFieldToCents('19.99')).toBe(1999);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '-5', '1.234', '1e3', '$']) expect(dollarsFieldToCents(text)).toBeNaN();
  });

  it('gives back what centsToDollarsField shows', () => {
    for (const cents of [0, 5, 1999, 36000, 100_000]) expect(dollarsFieldToCents(centsToDollarsField(cents))).toBe(cents);
  });
});

describe('wholeNumberField', () => {
  it('reads whole numbers only', () => {
    expect(wholeNumberField(' 12 ')).toBe(12);
    for (const text of ['', '1.5', '-1', 'four']) expect(wholeNumberField(text)).toBeNaN();
  });
});
