import type { AppContext } from './app-context.ts';
import { eventHandlers } from './event-handlers.ts';
import { chainAuditRows, checkpointAuditChain } from './platform/audit/chain.ts';
import { processEvents } from './platform/events/event-processor.ts';
import type { PeriodicJob } from './platform/jobs/scheduler.ts';
import { smtpSender } from './platform/mail/smtp-sender.ts';
import { shredDueRecords } from './modules/account/closure.service.ts';
import { verifyAuditTrail } from './modules/audit/verification.service.ts';
import { runMatchingBatch } from './modules/care/queue.service.ts';
import { remindDueRescreens } from './modules/care/rescreen.service.ts';
import { renewCoverages } from './modules/coverage/coverage.service.ts';
import { expireLicences } from './modules/providers/operations.service.ts';
import { settleAttendance } from './modules/sessions/joining.service.ts';
import { sendDueReminders } from './modules/sessions/reminders.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;

type Log = { error(obj: object, msg: string): void };

/** Background work run by the `worker` role. Each job is idempotent. */
export function periodicJobs(context: AppContext, log?: Log): PeriodicJob[] {
  const { db, payments, config, auditKey, blobs } = context;
  const mail = config.smtp ? smtpSender(db, config.smtp) : null;
  const handlers = eventHandlers(context);
  // Hourly rather than once at night: a licence lapses within the hour after midnight UTC
  // whatever time the process started, and re-runs find nothing to do.
  return [
    // Audit rows are linked onto the keyed chain within a second of their commit; the head is
    // checkpointed outside the database every few minutes, and the whole chain verified daily.
    { name: 'audit.chain', everyMs: 1_000, run: () => chainAuditRows(db, auditKey) },
    { name: 'audit.checkpoint', everyMs: 5 * MINUTE, run: () => checkpointAuditChain(db, auditKey, blobs) },
    { name: 'audit.verify', everyMs: DAY, run: () => verifyAuditTrail(context) },
    { name: 'licences.expire', everyMs: HOUR, run: () => expireLicences(db) },
    // Closed accounts past their retention period: the data key is destroyed, the name erased.
    { name: 'records.shred', everyMs: HOUR, run: () => shredDueRecords(context) },
    // Every side effect of a write — bell, email, re-homing a provider's clients — within a second.
    { name: 'events.process', everyMs: 1_000, run: () => processEvents(db, handlers, { log }) },
    // The queue is assigned together, for the best overall fit, every few minutes.
    { name: 'matching.batch', everyMs: 5 * MINUTE, run: () => runMatchingBatch(db) },
    // Monthly plans renew, pending changes apply, ended EAP programs expire, messaging sessions close.
    { name: 'coverage.renew', everyMs: 15 * MINUTE, run: () => renewCoverages(db, payments) },
    // Session reminders (24 h and 1 h before by default), each recorded once whatever restarts.
    { name: 'sessions.reminders', everyMs: 30_000, run: () => sendDueReminders(db) },
    // No-shows 10 minutes after the start, unanswered requests returned, attended sessions held.
    { name: 'sessions.attendance', everyMs: 30_000, run: () => settleAttendance(db, context) },
    // PHQ-9 / GAD-7 check-ins that fell due: one reminder per client per due cycle.
    { name: 'screeners.remind', everyMs: 15 * MINUTE, run: () => remindDueRescreens(db, new Date()) },
    // With SMTP configured, queued email goes out within seconds; otherwise it stays in the outbox.
    ...(mail ? [{ name: 'mail.send', everyMs: 5_000, run: () => mail.sendPending() }] : []),
  ];
}
