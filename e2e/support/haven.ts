import type { AddressInfo } from 'node:net';
import { eventHandlers } from '../../apps/server/src/event-handlers.ts';
import { processEvents } from '../../apps/server/src/platform/events/event-processor.ts';
import { startPeriodicJobs } from '../../apps/server/src/platform/jobs/scheduler.ts';
import { smtpSender } from '../../apps/server/src/platform/mail/smtp-sender.ts';
import { startTestApp, type TestApp } from '../../apps/server/src/testing/test-app.ts';

export type RunningHaven = { app: TestApp; url: string; close(): Promise<void> };

/**
 * A real Haven (API and built web app) on a free localhost port, with the worker's event
 * processing running as under `npm start`, so bells and emails follow what the journey does.
 * Time-driven jobs (reminders, attendance) stay with the journeys that move time. `env` adds
 * configuration (e.g. a short HAVEN_LIVE_PING_SECONDS).
 */
export async function startHaven(env: Record<string, string> = {}): Promise<RunningHaven> {
  const app = await startTestApp(env);
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.http.server.address() as AddressInfo;
  const handlers = eventHandlers(app.context);
  const smtp = app.config.smtp;
  const mail = smtp ? smtpSender(app.context.db, smtp) : null;
  const jobs = startPeriodicJobs(
    [
      { name: 'events.process', everyMs: 500, run: () => processEvents(app.context.db, handlers) },
      // With SMTP_URL given, queued email goes out as under `npm start` (more often, for a journey's pace).
      ...(mail ? [{ name: 'mail.send', everyMs: 500, run: () => mail.sendPending() }] : []),
    ],
    app.http.log,
  );
  return {
    app,
    url: `http://localhost:${port}`,
    async close() {
      await jobs.stop();
      await app.close();
    },
  };
}
