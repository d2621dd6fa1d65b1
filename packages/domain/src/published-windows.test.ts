import { describe, expect, it } from 'vitest';
import { publishedWindows, type Availability } from './availability.ts';

const NY = 'America/New_York';
const availability = (overrides: Partial<Availability> = {}): Availability => ({
  timeZone: NY,
  weekly: [],
  exceptions: [],
  timeOff: [],
  bufferMinutes: 0,
  ...overrides,
});
const iso = (windows: { start: Date; end: Date }[]) => windows.map((w) => `${w.start.toISOString()}–${w.end.toISOString()}`);

describe('publishedWindows', () => {
  it('gives each day’s windows as instants in the provider’s zone, across a spring-forward', () => {
    // Saturday 7 and Sunday 8 March 2026; New York moves from EST (-5) to EDT (-4) on the 8th.
    const weekly = [6, 0].map((weekday) => ({ weekday: weekday as 0 | 6, start: '09:00', end: '12:00' }));
    const range = { from: new Date('2026-03-07T00:00:00Z'), to: new Date('2026-03-09T00:00:00Z') };
    expect(iso(publishedWindows(availability({ weekly }), range))).toEqual([
      '2026-03-07T14:00:00.000Z–2026-03-07T17:00:00.000Z',
      '2026-03-08T13:00:00.000Z–2026-03-08T16:00:00.000Z',
    ]);
  });

  it('clips to the range, joins touching windows and follows dated exceptions', () => {
    const weekly = [
      { weekday: 1 as const, start: '09:00', end: '12:00' },
      { weekday: 1 as const, start: '12:00', end: '17:00' },
      { weekday: 2 as const, start: '09:00', end: '17:00' },
    ];
    const exceptions = [{ date: '2026-03-03', windows: [{ start: '13:00', end: '14:00' }] }];
    const range = { from: new Date('2026-03-02T15:00:00Z'), to: new Date('2026-03-04T00:00:00Z') };
    expect(iso(publishedWindows(availability({ weekly, exceptions }), range))).toEqual([
      '2026-03-02T15:00:00.000Z–2026-03-02T22:00:00.000Z',
      '2026-03-03T18:00:00.000Z–2026-03-03T19:00:00.000Z',
    ]);
  });

  it('joins a window ending at midnight with the next day’s from midnight, and an empty range gives none', () => {
    const weekly = [
      { weekday: 1 as const, start: '22:00', end: '24:00' },
      { weekday: 2 as const, start: '00:00', end: '02:00' },
    ];
    const range = { from: new Date('2026-03-02T00:00:00Z'), to: new Date('2026-03-05T00:00:00Z') };
    expect(iso(publishedWindows(availability({ weekly }), range))).toEqual(['2026-03-03T03:00:00.000Z–2026-03-03T07:00:00.000Z']);
    expect(publishedWindows(availability({ weekly }), { from: range.to, to: range.from })).toEqual([]);
  });
});
