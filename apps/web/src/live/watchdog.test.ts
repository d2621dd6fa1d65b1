import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Watchdog } from './watchdog.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the ping watchdog', () => {
  it('declares the socket dead after two ping intervals of silence, not before', () => {
    const dead = vi.fn();
    const watchdog = new Watchdog(dead, 25_000);
    watchdog.expectEvery(1_000);
    vi.advanceTimersByTime(1_999);
    expect(dead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(dead).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(dead).toHaveBeenCalledTimes(1);
  });

  it('stays quiet while pings keep coming, and after it is stopped', () => {
    const dead = vi.fn();
    const watchdog = new Watchdog(dead, 1_000);
    watchdog.heard();
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(1_500);
      watchdog.heard();
    }
    expect(dead).not.toHaveBeenCalled();
    watchdog.stop();
    vi.advanceTimersByTime(60_000);
    expect(dead).not.toHaveBeenCalled();
  });

  it('uses the default interval until the hello names one', () => {
    const dead = vi.fn();
    const watchdog = new Watchdog(dead, 25_000);
    watchdog.heard();
    vi.advanceTimersByTime(49_999);
    expect(dead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(dead).toHaveBeenCalledTimes(1);
  });
});
