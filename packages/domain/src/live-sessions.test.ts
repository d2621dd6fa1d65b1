import { describe, expect, it } from 'vitest';
import {
  attendanceOutcome,
  FREE_CHANGE_HOURS,
  isFreeChange,
  isJoinable,
  isNoShow,
  isOpenStatus,
  JOIN_OPENS_MINUTES,
  joinWindow,
  NO_SHOW_AFTER_MINUTES,
  noShowAt,
  OVERRUN_MINUTES,
} from './live-sessions.ts';

const MINUTE = 60_000;
const start = new Date('2026-03-10T15:00:00Z');
const end = new Date('2026-03-10T15:50:00Z');
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);
const booked = { status: 'booked' as const, endedAt: null, startsAt: start, endsAt: end };

describe('join window', () => {
  it('opens 10 minutes before the start and closes 30 minutes after the booked end', () => {
    expect(joinWindow(booked)).toEqual({ opens: at(start, -JOIN_OPENS_MINUTES), closes: at(end, OVERRUN_MINUTES) });
    expect(JOIN_OPENS_MINUTES).toBe(10);
    expect(OVERRUN_MINUTES).toBe(30);
  });

  it('is joinable from exactly the opening instant, not a millisecond before', () => {
    const opens = at(start, -JOIN_OPENS_MINUTES);
    expect(isJoinable(booked, new Date(opens.getTime() - 1))).toBe(false);
    expect(isJoinable(booked, opens)).toBe(true);
  });

  it('is no longer joinable at exactly the closing instant', () => {
    const closes = at(end, OVERRUN_MINUTES);
    expect(isJoinable(booked, new Date(closes.getTime() - 1))).toBe(true);
    expect(isJoinable(booked, closes)).toBe(false);
  });

  it('is never joinable unless booked and not ended', () => {
    expect(isJoinable({ ...booked, status: 'requested' }, start)).toBe(false);
    expect(isJoinable({ ...booked, status: 'cancelled' }, start)).toBe(false);
    expect(isJoinable({ ...booked, endedAt: start }, start)).toBe(false);
  });

  it('accepts ISO strings as well as dates', () => {
    expect(isJoinable({ ...booked, startsAt: start.toISOString(), endsAt: end.toISOString() }, start)).toBe(true);
  });
});

describe('free change', () => {
  const dayBefore = at(start, -FREE_CHANGE_HOURS * 60);

  it('is free exactly 24 hours ahead', () => {
    expect(FREE_CHANGE_HOURS).toBe(24);
    expect(isFreeChange(start, dayBefore)).toBe(true);
  });

  it('is not free a millisecond later', () => {
    expect(isFreeChange(start, new Date(dayBefore.getTime() + 1))).toBe(false);
  });

  it('is free further ahead and not free once started', () => {
    expect(isFreeChange(start, at(dayBefore, -1))).toBe(true);
    expect(isFreeChange(start.toISOString(), start)).toBe(false);
  });
});

describe('open statuses and no-shows', () => {
  it('counts requested and booked sessions as still to happen', () => {
    expect(isOpenStatus('requested')).toBe(true);
    expect(isOpenStatus('booked')).toBe(true);
    expect(isOpenStatus('cancelled')).toBe(false);
    expect(isOpenStatus('completed')).toBe(false);
  });

  it('makes an absent party a no-show 10 minutes after the start', () => {
    expect(NO_SHOW_AFTER_MINUTES).toBe(10);
    expect(noShowAt(start)).toEqual(at(start, 10));
  });

  it('names the two no-show outcomes only', () => {
    expect(isNoShow('client_no_show')).toBe(true);
    expect(isNoShow('provider_no_show')).toBe(true);
    expect(isNoShow('completed')).toBe(false);
    expect(isNoShow(null)).toBe(false);
  });
});

describe('attendance outcome', () => {
  const attendance = { status: 'booked' as const, startsAt: start, endsAt: end, clientJoinedAt: null, providerJoinedAt: null };
  const deadline = noShowAt(start);
  const justBefore = new Date(deadline.getTime() - 1);

  it('decides nothing until 10 minutes after the start, then decides at exactly that instant', () => {
    expect(attendanceOutcome(attendance, justBefore)).toBeNull();
    expect(attendanceOutcome(attendance, deadline)).toBe('provider_no_show');
  });

  it('declines a request nobody confirmed', () => {
    expect(attendanceOutcome({ ...attendance, status: 'requested' }, justBefore)).toBeNull();
    expect(attendanceOutcome({ ...attendance, status: 'requested' }, deadline)).toBe('declined');
  });

  it('blames an absent provider first, so a client is not charged when neither came', () => {
    expect(attendanceOutcome({ ...attendance, clientJoinedAt: start }, deadline)).toBe('provider_no_show');
    expect(attendanceOutcome(attendance, deadline)).toBe('provider_no_show');
  });

  it('makes an absent client a no-show when the provider came', () => {
    expect(attendanceOutcome({ ...attendance, providerJoinedAt: start }, deadline)).toBe('client_no_show');
  });

  it('holds a session both attended once its overrun has passed, not before', () => {
    const both = { ...attendance, clientJoinedAt: start, providerJoinedAt: start };
    const closes = at(end, OVERRUN_MINUTES);
    expect(attendanceOutcome(both, deadline)).toBeNull();
    expect(attendanceOutcome(both, new Date(closes.getTime() - 1))).toBeNull();
    expect(attendanceOutcome(both, closes)).toBe('completed');
  });
});
