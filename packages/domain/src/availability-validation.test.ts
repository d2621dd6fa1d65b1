import { describe, expect, it } from 'vitest';
import type { Availability } from './availability.ts';
import { validateAvailability } from './availability-validation.ts';

function workingWeek(overrides: Partial<Availability> = {}): Availability {
  return {
    timeZone: 'America/Chicago',
    weekly: [
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 1, start: '13:00', end: '17:00' },
      { weekday: 3, start: '18:00', end: '24:00' },
    ],
    exceptions: [
      { date: '2026-12-24', windows: [] },
      { date: '2026-12-28', windows: [{ start: '10:00', end: '14:00' }] },
    ],
    timeOff: [{ start: new Date('2026-07-01T14:00:00Z'), end: new Date('2026-07-10T22:00:00Z') }],
    bufferMinutes: 10,
    ...overrides,
  };
}

describe('validateAvailability', () => {
  it('finds nothing wrong with a well-formed week', () => {
    expect(validateAvailability(workingWeek())).toEqual([]);
  });

  it('asks for a real IANA time zone', () => {
    expect(validateAvailability(workingWeek({ timeZone: 'EST5EDT' }))).toEqual([
      '"EST5EDT" is not a time zone name; choose one like America/New_York or Europe/London.',
    ]);
    expect(validateAvailability(workingWeek({ timeZone: 'Central Time' }))).toHaveLength(1);
  });

  it('names overlapping windows on the same weekday, as the provider wrote them', () => {
    const weekly = [
      { weekday: 1 as const, start: '11:00', end: '13:00' },
      { weekday: 1 as const, start: '09:00', end: '12:00' },
      { weekday: 2 as const, start: '11:00', end: '13:00' },
    ];
    expect(validateAvailability(workingWeek({ weekly }))).toEqual(['Monday 09:00–12:00 overlaps Monday 11:00–13:00.']);
  });

  it('lets windows touch without overlapping', () => {
    const weekly = [
      { weekday: 5 as const, start: '09:00', end: '12:00' },
      { weekday: 5 as const, start: '12:00', end: '13:00' },
    ];
    expect(validateAvailability(workingWeek({ weekly }))).toEqual([]);
  });

  it('explains malformed, backwards and empty windows', () => {
    const weekly = [
      { weekday: 0 as const, start: '9:00', end: '12:00' },
      { weekday: 2 as const, start: '24:00', end: '24:00' },
      { weekday: 4 as const, start: '17:00', end: '09:00' },
      { weekday: 6 as const, start: '10:00', end: '10:00' },
      { weekday: 6 as const, start: '11:00', end: '12:60' },
    ];
    expect(validateAvailability(workingWeek({ weekly }))).toEqual([
      'Sunday start "9:00" is not a valid start time (use a time like 09:00).',
      'Tuesday start "24:00" is not a valid start time (24:00 can only end a window).',
      'Thursday 17:00–09:00 must end after it starts.',
      'Saturday 10:00–10:00 must end after it starts.',
      'Saturday end "12:60" is not a valid end time (use a time like 17:00, or 24:00 for midnight).',
    ]);
  });

  it('refuses a weekday outside Sunday–Saturday', () => {
    const weekly = [{ weekday: 7 as 0, start: '09:00', end: '10:00' }];
    expect(validateAvailability(workingWeek({ weekly }))).toEqual(['Weekday 7 is not a day of the week (0 = Sunday … 6 = Saturday).']);
  });

  it('checks exception dates and the windows inside them', () => {
    const exceptions = [
      { date: '2026-02-30', windows: [] },
      {
        date: '2026-12-28',
        windows: [
          { start: '10:00', end: '14:00' },
          { start: '13:00', end: '15:00' },
        ],
      },
      { date: '2026-12-28', windows: [] },
    ];
    expect(validateAvailability(workingWeek({ exceptions }))).toEqual([
      'Exception date "2026-02-30" is not a calendar date (use YYYY-MM-DD, for example 2026-12-24).',
      '2026-12-28 10:00–14:00 overlaps 2026-12-28 13:00–15:00.',
      "2026-12-28 has more than one exception; keep one with all of that day's hours.",
    ]);
  });

  it('refuses a negative, fractional or day-long buffer', () => {
    for (const bufferMinutes of [-5, 7.5, 721]) {
      expect(validateAvailability(workingWeek({ bufferMinutes }))).toEqual([
        `Buffer between sessions must be a whole number of minutes from 0 to 720, not ${bufferMinutes}.`,
      ]);
    }
  });

  it('shows backwards time off on the provider’s own clock', () => {
    const timeOff = [{ start: new Date('2026-07-10T15:00:00Z'), end: new Date('2026-07-10T14:00:00Z') }];
    expect(validateAvailability(workingWeek({ timeOff }))).toEqual([
      'Time off from 2026-07-10 10:00 to 2026-07-10 09:00 must end after it starts.',
    ]);
    const invalid = [{ start: new Date('not a date'), end: new Date('2026-07-10T14:00:00Z') }];
    expect(validateAvailability(workingWeek({ timeOff: invalid }))).toEqual([
      'Time off has a start or end that is not a real date and time.',
    ]);
  });
});
