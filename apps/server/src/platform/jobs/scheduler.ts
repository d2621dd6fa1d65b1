/** A job that runs on a fixed interval. Jobs must be idempotent: they also run at start. */
export type PeriodicJob = { name: string; everyMs: number; run: () => Promise<unknown> };

type Log = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

/**
 * Runs each job at start and then every `everyMs`, never overlapping itself. `stop()`
 * cancels the timers and waits for runs in flight, for an orderly shutdown.
 */
export function startPeriodicJobs(jobs: PeriodicJob[], log: Log): { stop(): Promise<void> } {
  const running = new Set<Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  const runOnce = (job: PeriodicJob) => {
    if (stopped) return;
    const run = job
      .run()
      .then((result) => {
        // A frequent job with nothing to do (result 0) says nothing.
        if (result !== 0) log.info({ job: job.name, result }, 'job finished');
      })
      .catch((error: unknown) => log.error({ job: job.name, err: error }, 'job failed'))
      .finally(() => {
        running.delete(run);
        if (!stopped) timers.push(setTimeout(() => runOnce(job), job.everyMs));
      });
    running.add(run);
  };
  for (const job of jobs) runOnce(job);

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(running);
    },
  };
}
