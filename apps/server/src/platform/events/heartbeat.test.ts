import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHeartbeat } from './heartbeat.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the server’s heartbeat', () => {
  it('pings every interval while the tab answers', () => {
    const ping = vi.fn();
    const onSilent = vi.fn();
    const heartbeat = startHeartbeat({ everyMs: 1_000, ping, onSilent });
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(1_000);
      heartbeat.answered();
    }
    expect(ping).toHaveBeenCalledTimes(10);
    expect(onSilent).not.toHaveBeenCalled();
    heartbeat.stop();
  });

  it('gives up on a tab when a ping is still unanswered as the next falls due, once', () => {
    const ping = vi.fn();
    const onSilent = vi.fn();
    startHeartbeat({ everyMs: 1_000, ping, onSilent });
    vi.advanceTimersByTime(1_000);
    expect(ping).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(999);
    expect(onSilent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSilent).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(onSilent).toHaveBeenCalledTimes(1);
    expect(ping).toHaveBeenCalledTimes(1);
  });
});
