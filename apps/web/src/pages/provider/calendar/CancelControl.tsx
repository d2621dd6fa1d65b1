import type { LiveSession } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProviderCancel } from '../../../api/calendar.ts';
import { Alert, Button, TextAreaField } from '../../../ui/index.ts';

type CancelControlProps = {
  session: LiveSession;
  name: string;
  onCancelled: (message: string) => void;
  onKeep: () => void;
};

/** Cancelling from the provider's side: said plainly that the client's session is returned. */
export function CancelControl({ session, name, onCancelled, onKeep }: CancelControlProps) {
  const { t } = useTranslation();
  const cancel = useProviderCancel();
  const [reason, setReason] = useState('');
  const id = `cancel-${session.id}`;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (cancel.isPending) return;
    const trimmed = reason.trim();
    cancel.mutate(
      { sessionId: session.id, ...(trimmed ? { reason: trimmed } : {}) },
      { onSuccess: () => onCancelled(t('providerCalendar.cancel.done', { name })) },
    );
  }

  return (
    <form className="form calendar__change" noValidate onSubmit={handleSubmit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('providerCalendar.cancel.heading')}</h3>
      <p>{t('providerCalendar.cancel.explain', { name })}</p>
      {cancel.isError && (
        <Alert tone="error">
          <p>{t(`errors.${cancel.error.code}`)}</p>
        </Alert>
      )}
      <TextAreaField
        id={`${id}-reason`}
        label={t('providerCalendar.reason')}
        hint={t('providerCalendar.reasonHint')}
        value={reason}
        maxLength={500}
        rows={2}
        autoFocus
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      <div className="form__actions">
        <Button type="submit" className="button--small" loading={cancel.isPending}>
          {t('providerCalendar.cancel.confirm')}
        </Button>
        <Button variant="quiet" className="button--small" onClick={onKeep}>
          {t('providerCalendar.cancel.keep')}
        </Button>
      </div>
    </form>
  );
}
