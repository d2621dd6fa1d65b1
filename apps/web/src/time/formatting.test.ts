import { describe, expect, it } from 'vitest';
import { formatShortDateTime, formatTimeOfDay } from './formatting.ts';

const CHICAGO = 'America/Chicago';
// ICU puts a narrow no-break space before "AM"; read it as a plain space.
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('times shown for choosing', () => {
  it('tells apart the two readings of the hour the clocks go back by their zone abbreviation', () => {
    // 2026-11-01 in Chicago: 01:00 happens at 06:00Z (CDT) and again at 07:00Z (CST).
    const slots = ['2026-11-01T05:00:00Z', '2026-11-01T06:00:00Z', '2026-11-01T07:00:00Z', '2026-11-01T08:00:00Z'];
    const labels = slots.map((start) => plain(formatTimeOfDay(start, CHICAGO, 'en-US')));
    expect(labels).toEqual(['12:00 AM', '1:00 AM CDT', '1:00 AM CST', '2:00 AM']);
    expect(new Set(labels).size).toBe(slots.length);
  });

  it('leaves every other time as it was, the page naming the zone once', () => {
    expect(plain(formatTimeOfDay('2026-11-02T15:00:00Z', CHICAGO, 'en-US'))).toBe('9:00 AM');
    expect(plain(formatTimeOfDay('2026-11-01T06:00:00Z', 'America/Phoenix', 'en-US'))).toBe('11:00 PM');
    expect(plain(formatShortDateTime('2026-11-24T13:03:00Z', CHICAGO, 'en-US'))).toBe('Nov 24, 2026, 7:03 AM');
  });

  it('names the zone in a table cell too when the time happened twice', () => {
    expect(plain(formatShortDateTime('2026-11-01T06:30:00Z', CHICAGO, 'en-US'))).toBe('Nov 1, 2026, 1:30 AM CDT');
    expect(plain(formatShortDateTime('2026-11-01T07:30:00Z', CHICAGO, 'en-US'))).toBe('Nov 1, 2026, 1:30 AM CST');
  });
});
