import { describe, expect, it } from 'vitest';
import { durationWords, relativeTime } from './durations.ts';

describe('durationWords', () => {
  it.each([
    [0, { unit: 'seconds', value: 0 }],
    [42, { unit: 'seconds', value: 42 }],
    [59.6, { unit: 'minutes', value: 1 }],
    [180, { unit: 'minutes', value: 3 }],
    [3569, { unit: 'minutes', value: 59 }],
    [3599, { unit: 'hours', hours: 1, minutes: 0 }],
    [2 * 3600 + 5 * 60, { unit: 'hours', hours: 2, minutes: 5 }],
    [24 * 3600 - 20, { unit: 'days', value: 1 }],
    [1.5 * 86_400, { unit: 'days', value: 1.5 }],
    [10.04 * 86_400, { unit: 'days', value: 10 }],
    [-5, { unit: 'seconds', value: 0 }],
  ])('%s seconds → %o', (seconds, words) => {
    expect(durationWords(seconds)).toEqual(words);
  });
});

describe('relativeTime', () => {
  it.each([
    [-10, { value: -10, unit: 'second' }],
    [-125, { value: -2, unit: 'minute' }],
    [-3 * 3600 - 59, { value: -3, unit: 'hour' }],
    [-86_400 * 2.5, { value: -2, unit: 'day' }],
    [-86_400 * 65, { value: -2, unit: 'month' }],
    [90, { value: 1, unit: 'minute' }],
  ])('%s seconds from now → %o', (seconds, expected) => {
    expect(relativeTime(seconds)).toEqual(expected);
  });
});
