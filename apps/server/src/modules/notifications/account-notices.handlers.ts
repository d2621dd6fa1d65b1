// Notices about a person's own account. The emails that carry a one-time link are queued by
// identity in the writer's transaction (the token never enters the event log); these are the ones
// that carry none.
import { on, type EventHandler } from '../../platform/events/event-processor.ts';
import { catalogueFor } from './catalogue.ts';
import { contactOf } from './notifications.repository.ts';
import { sendEmail } from './notifications.service.ts';

export function accountNoticeHandlers({ publicUrl }: { publicUrl: string }): EventHandler[] {
  const words = catalogueFor();
  const signInLink = `${publicUrl}/sign-in`;
  const resetLink = `${publicUrl}/forgot-password`;
  return [
    on('account.password_changed', 'notifications.password-changed', async (trx, { payload: p }) => {
      const contact = await contactOf(trx, p.userId);
      await sendEmail(trx, contact.email, 'account.password_changed', words.email.passwordChanged({ how: p.how, resetLink }));
    }),
    on('account.closed', 'notifications.account-closed', async (trx, { payload: p }) => {
      const contact = await contactOf(trx, p.userId);
      const until = new Date(p.retainUntil).toLocaleDateString('en-US', {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      });
      await sendEmail(trx, contact.email, 'account.closed', words.email.accountClosed({ retainUntil: until }));
    }),
    on('account.sign_up_repeated', 'notifications.sign-up-repeated', async (trx, { payload: p }) => {
      const contact = await contactOf(trx, p.userId);
      await sendEmail(trx, contact.email, 'account.sign_up_repeated', words.email.signUpRepeated({ signInLink, resetLink }));
    }),
  ];
}
