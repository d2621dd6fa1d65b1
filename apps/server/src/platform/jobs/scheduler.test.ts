import { describe, expect, it } from 'vitest';
import { startPeriodicJobs } from './scheduler.ts';

const quiet = { info: () => {}, error: () => {} };

describe('startPeriodicJobs', () => {
  it('runs each job at once, again after its interval, and never after stop', async () => {
    let runs = 0;
    const jobs = startPeriodicJobs([{ name: 'count', everyMs: 5, run: () => Promise.resolve(runs++) }], quiet);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await jobs.stop();
    const atStop = runs;
    expect(atStop).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(atStop);
  });

  it('keeps going after a failed run, and stop waits for the run in flight', async () => {
    const errors: unknown[] = [];
    let finished = false;
    let calls = 0;
    const jobs = startPeriodicJobs(
      [
        {
          name: 'flaky',
          everyMs: 1,
          run: async () => {
            calls += 1;
            if (calls === 1) throw new Error('first run fails');
            await new Promise((resolve) => setTimeout(resolve, 20));
            finished = true;
          },
        },
      ],
      { info: () => {}, error: (obj) => errors.push(obj) },
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    await jobs.stop();
    expect(errors).toHaveLength(1);
    expect(finished).toBe(true);
  });
});
