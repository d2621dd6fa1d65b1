import type { AppContext } from '../app-context.ts';
import { eventHandlers } from '../event-handlers.ts';
import { processEvents } from '../platform/events/event-processor.ts';

/** What the worker's `events.process` job does, run to the end now: every side effect of what a test did so far. */
export async function drainEvents(context: AppContext): Promise<number> {
  const handlers = eventHandlers(context);
  let total = 0;
  for (;;) {
    const handled = await processEvents(context.db, handlers);
    total += handled;
    if (handled === 0) return total;
  }
}
