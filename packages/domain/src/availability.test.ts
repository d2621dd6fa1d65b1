import { describe, expect, it } from 'vitest';
import { openSlots, type Availability, type Slot, type WeeklyWindow } from './availability.ts';
import { addDays, instantToZonedParts, zonedWallTimeToInstant } from './time-zones.ts';

function availabilityIn(timeZone: string, overrides: Partial<Availability> = {}): Availability {
  return { timeZone, weekly: [], exceptions: [], timeOff: [], bufferMinutes: 0, ...overrides };
}

const everyDay = (start: string, end: string): WeeklyWindow[] =>
  ([0, 1, 2, 3, 4, 5, 6] as const).map((weekday) => ({ weekday, start, end }));

/** A range covering whole local dates, from the first's midnight to the midnight after the last. */
function localDates(first: string, afterLast: string, timeZone: string): { from: Date; to: Date } {
  const from = zonedWallTimeToInstant(first, '00:00', timeZone);
  const to = zonedWallTimeToInstant(afterLast, '00:00', timeZone);
  if (!from || !to) throw new Error('midnight missing in test zone');
  return { from, to };
}

/** Slots over whole local dates, starting at `first` and running for `days`. */
function slotsOver(availability: Availability, lengthMinutes: number, first: string, days = 1, busy: Slot[] = []) {
  return openSlots(availability, lengthMinutes, localDates(first, addDays(first, days), availability.timeZone), busy);
}

/** 'YYYY-MM-DD HH:MM' on the provider's clock. */
const localStarts = (slots: Slot[], timeZone: string) =>
  slots.map((slot) => {
    const { date, time } = instantToZonedParts(slot.start, timeZone);
    return `${date} ${time}`;
  });
/** 'HH:MM' on the provider's clock. */
const clockTimes = (slots: Slot[], timeZone: string) => localStarts(slots, timeZone).map((start) => start.slice(11));
const utcStarts = (slots: Slot[]) => slots.map((slot) => slot.start.toISOString().slice(0, 16));

describe('openSlots across daylight-saving changes', () => {
  const NY = 'America/New_York';
  const smallHours = availabilityIn(NY, { weekly: everyDay('00:00', '04:00') });

  it('skips the missing hour on a spring-forward day (New York, 2026-03-08)', () => {
    const slots = slotsOver(smallHours, 60, '2026-03-08');
    expect(clockTimes(slots, NY)).toEqual(['00:00', '01:00', '03:00']);
    expect(utcStarts(slots)).toEqual(['2026-03-08T05:00', '2026-03-08T06:00', '2026-03-08T07:00']);
  });

  it('offers both 01:00s on a fall-back day, as distinct instants (New York, 2026-11-01)', () => {
    const slots = slotsOver(smallHours, 60, '2026-11-01');
    expect(clockTimes(slots, NY)).toEqual(['00:00', '01:00', '01:00', '02:00', '03:00']);
    expect(new Set(utcStarts(slots)).size).toBe(5);
  });

  it('starts a window that opens inside the gap at the first minute after it', () => {
    const slots = slotsOver(availabilityIn(NY, { weekly: everyDay('02:30', '05:00') }), 60, '2026-03-08');
    expect(clockTimes(slots, NY)).toEqual(['03:00', '04:00']);
  });

  it('does not offer the repeated 01:00 when the window opens at 01:30', () => {
    // After 01:59 EDT the clock reads 01:00 EST: later in real time, but before the window on the clock.
    const slots = slotsOver(availabilityIn(NY, { weekly: everyDay('01:30', '03:00') }), 30, '2026-11-01');
    expect(utcStarts(slots)).toEqual(['2026-11-01T05:30', '2026-11-01T06:30', '2026-11-01T07:00', '2026-11-01T07:30']);
    expect(clockTimes(slots, NY)).toEqual(['01:30', '01:30', '02:00', '02:30']);
  });

  it.each([
    ['America/New_York', '2026-03-06'],
    ['America/New_York', '2026-10-30'],
    ['Europe/London', '2026-03-27'],
    ['Europe/London', '2026-10-23'],
  ])('keeps a 09:00–17:00 day at 09:00 on both sides of the change (%s, from %s)', (zone, first) => {
    const slots = slotsOver(availabilityIn(zone, { weekly: everyDay('09:00', '17:00') }), 60, first, 4);
    const starts = localStarts(slots, zone);
    expect(slots).toHaveLength(4 * 8);
    for (let day = 0; day < 4; day += 1) {
      const date = addDays(first, day);
      const times = starts.filter((start) => start.startsWith(date)).map((start) => start.slice(11));
      expect(times).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
    }
    // The UTC time of the 09:00 slot moves by an hour across the change: that keeps 09:00 still.
    const nineOClocks = slots.filter((slot) => instantToZonedParts(slot.start, zone).time === '09:00');
    expect(new Set(utcStarts(nineOClocks).map((start) => start.slice(11))).size).toBe(2);
  });

  it.each(['America/Phoenix', 'Pacific/Honolulu'])('has nothing to skip or repeat in %s', (zone) => {
    for (const date of ['2026-03-08', '2026-11-01']) {
      const slots = slotsOver(availabilityIn(zone, { weekly: everyDay('00:00', '04:00') }), 60, date);
      expect(clockTimes(slots, zone)).toEqual(['00:00', '01:00', '02:00', '03:00']);
    }
  });

  it('follows the 30-minute shifts of Lord Howe Island', () => {
    const zone = 'Australia/Lord_Howe';
    const availability = availabilityIn(zone, { weekly: everyDay('00:00', '04:00') });
    const forward = slotsOver(availability, 30, '2026-10-04');
    expect(clockTimes(forward, zone)).toEqual(['00:00', '00:30', '01:00', '01:30', '02:30', '03:00', '03:30']);
    const back = slotsOver(availability, 30, '2026-04-05');
    expect(clockTimes(back, zone)).toEqual(['00:00', '00:30', '01:00', '01:30', '01:30', '02:00', '02:30', '03:00', '03:30']);
  });
});

describe('openSlots on an ordinary week', () => {
  const zone = 'Europe/London';
  const monday = '2026-06-15';
  const mondayMorning: WeeklyWindow[] = [{ weekday: 1, start: '09:00', end: '12:00' }];

  it('lays slots back to back with the buffer between them, and only where a whole slot fits', () => {
    const slots = slotsOver(availabilityIn(zone, { weekly: mondayMorning, bufferMinutes: 10 }), 50, monday);
    expect(clockTimes(slots, zone)).toEqual(['09:00', '10:00', '11:00']);
    expect(slots.every((slot) => slot.end.getTime() - slot.start.getTime() === 50 * 60_000)).toBe(true);
    const longerBuffer = slotsOver(availabilityIn(zone, { weekly: mondayMorning, bufferMinutes: 20 }), 50, monday);
    expect(clockTimes(longerBuffer, zone)).toEqual(['09:00', '10:10']);
  });

  it('keeps the buffer between touching windows: the earlier slot wins', () => {
    const weekly: WeeklyWindow[] = [
      { weekday: 1, start: '09:00', end: '10:00' },
      { weekday: 1, start: '10:00', end: '13:00' },
    ];
    const slots = slotsOver(availabilityIn(zone, { weekly, bufferMinutes: 15 }), 60, monday);
    // 10:00 would follow the 09:00 session with no break; the second window's next slot is 11:15.
    expect(clockTimes(slots, zone)).toEqual(['09:00', '11:15']);
  });

  it('keeps the buffer across midnight, whichever day the range starts on', () => {
    const weekly = [...everyDay('00:00', '01:00'), ...everyDay('23:00', '24:00')];
    const availability = availabilityIn(zone, { weekly, bufferMinutes: 15 });
    const slots = slotsOver(availability, 60, monday, 3);
    // Each 00:00 slot would start straight after the previous evening's 23:00 session.
    expect(localStarts(slots, zone)).toEqual(['2026-06-15 23:00', '2026-06-16 23:00', '2026-06-17 23:00']);
    expect(slotsOver(availability, 60, '2026-06-16')).toEqual(slots.slice(1, 2));
  });

  it('offers a window that ends at 24:00 up to midnight', () => {
    const slots = slotsOver(availabilityIn(zone, { weekly: [{ weekday: 1, start: '22:00', end: '24:00' }] }), 60, monday, 2);
    expect(localStarts(slots, zone)).toEqual(['2026-06-15 22:00', '2026-06-15 23:00']);
  });

  it('lets a dated exception replace the weekly hours, or take the day off', () => {
    const exceptions = [
      { date: '2026-06-15', windows: [{ start: '14:00', end: '15:00' }] },
      { date: '2026-06-16', windows: [] },
    ];
    const slots = slotsOver(availabilityIn(zone, { weekly: everyDay('09:00', '11:00'), exceptions }), 60, monday, 3);
    expect(localStarts(slots, zone)).toEqual(['2026-06-15 14:00', '2026-06-17 09:00', '2026-06-17 10:00']);
  });

  it('removes slots that overlap time off, but not ones that merely touch it', () => {
    const tenToHalfPast = { start: new Date('2026-06-15T09:00:00Z'), end: new Date('2026-06-15T09:30:00Z') };
    const slots = slotsOver(availabilityIn(zone, { weekly: mondayMorning, timeOff: [tenToHalfPast] }), 60, monday);
    expect(clockTimes(slots, zone)).toEqual(['09:00', '11:00']);
  });

  it('keeps the buffer around sessions already booked', () => {
    const availability = availabilityIn(zone, { weekly: [{ weekday: 1, start: '08:00', end: '14:00' }], bufferMinutes: 15 });
    expect(clockTimes(slotsOver(availability, 60, monday), zone)).toEqual(['08:00', '09:15', '10:30', '11:45', '13:00']);
    const tenToEleven = { start: new Date('2026-06-15T09:00:00Z'), end: new Date('2026-06-15T10:00:00Z') };
    // 09:15–10:15 ends inside the 15 minutes before 10:00; 11:45 starts after 11:15.
    expect(clockTimes(slotsOver(availability, 60, monday, 1, [tenToEleven]), zone)).toEqual(['08:00', '11:45', '13:00']);
  });

  it('returns only slots wholly inside the range', () => {
    const from = new Date('2026-06-15T08:30:00Z'); // 09:30 BST
    const to = new Date('2026-06-15T10:30:00Z'); // 11:30 BST
    const availability = availabilityIn(zone, { weekly: mondayMorning });
    expect(clockTimes(openSlots(availability, 60, { from, to }), zone)).toEqual(['10:00']);
    expect(openSlots(availability, 60, { from: to, to: from })).toEqual([]);
  });

  it('refuses a slot length or buffer it cannot honour', () => {
    expect(() => slotsOver(availabilityIn(zone, { weekly: mondayMorning }), 0, monday)).toThrow(RangeError);
    const negativeBuffer = availabilityIn(zone, { weekly: mondayMorning, bufferMinutes: -5 });
    expect(() => slotsOver(negativeBuffer, 60, monday)).toThrow(RangeError);
  });
});
