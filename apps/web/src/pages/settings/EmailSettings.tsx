import type { NotificationSettings } from '@haven/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifications, useSetNotificationChoices } from '../../api/room.ts';
import { Alert, Card, CheckboxField, Spinner, StatusMessage } from '../../ui/index.ts';
import { LoadFailed } from '../LoadFailed.tsx';

/**
 * Settings → Emails: which emails to send, by category, and discreet mode. The bell keeps
 * everything either way; emails about the account's security and about care always go.
 */
export function EmailSettings() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const save = useSetNotificationChoices();
  const [said, setSaid] = useState<string | null>(null);
  if (notifications.isError) return <LoadFailed failure={notifications.error} onRetry={() => void notifications.refetch()} />;
  if (!notifications.data) return <Spinner />;
  const { email, discreet } = notifications.data;
  const change = (choices: NotificationSettings) => {
    setSaid(null);
    save.mutate(choices, { onSuccess: () => setSaid(t('settings.emails.saved')) });
  };
  return (
    <Card title={t('settings.emails.heading')} headingId="settings-emails">
      <p>{t('settings.emails.lead')}</p>
      <CheckboxField
        id="email-messages"
        label={t('settings.emails.messages')}
        hint={t('settings.emails.messagesHint')}
        checked={email.messages}
        onChange={(messages) => change({ email: { messages } })}
      />
      <CheckboxField
        id="email-sessions"
        label={t('settings.emails.sessions')}
        hint={t('settings.emails.sessionsHint')}
        checked={email.sessions}
        onChange={(sessions) => change({ email: { sessions } })}
      />
      <CheckboxField
        id="email-discreet"
        label={t('bell.discreet')}
        hint={t('bell.discreetHint')}
        checked={discreet}
        onChange={(on) => change({ discreet: on })}
      />
      <p className="muted">{t('settings.emails.always')}</p>
      {save.isError && <Alert tone="error">{t(`errors.${save.error.code}`)}</Alert>}
      <StatusMessage message={said} />
    </Card>
  );
}
