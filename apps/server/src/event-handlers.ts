import type { AppContext } from './app-context.ts';
import type { EventHandler } from './platform/events/event-processor.ts';
import { careHandlers } from './modules/care/queue.service.ts';
import { accountNoticeHandlers } from './modules/notifications/account-notices.handlers.ts';
import { notificationHandlers } from './modules/notifications/notifications.handlers.ts';

/** Everything that reacts to domain events, in one list: the worker's `events.process` job runs them. */
export function eventHandlers(context: AppContext): EventHandler[] {
  return [
    ...careHandlers,
    ...notificationHandlers({ ...context, publicUrl: context.config.publicUrl }),
    ...accountNoticeHandlers({ publicUrl: context.config.publicUrl }),
  ];
}
