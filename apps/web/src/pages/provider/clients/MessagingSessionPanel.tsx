import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompleteMessagingSession } from '../../../api/caseload.ts';
import { formatDateTime } from '../../../time/formatting.ts';
import { Alert, ConfirmButton } from '../../../ui/index.ts';
import type { CaseloadClient } from './ClientCard.tsx';

type MessagingSessionPanelProps = { client: CaseloadClient; timeZone: string; onChanged: (message: string) => void };

/** The client's open messaging session, if any, and the way to close it (asked twice: it cannot be undone). */
export function MessagingSessionPanel({ client, timeZone, onChanged }: MessagingSessionPanelProps) {
  const { t, i18n } = useTranslation();
  const complete = useCompleteMessagingSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const session = client.openMessagingSession;
  const headingId = `messaging-${client.clientId}`;
  const when = (iso: string) => formatDateTime(iso, timeZone, i18n.language);

  function confirm() {
    if (!session) return;
    complete.mutate(session.id, {
      onSuccess: () => {
        onChanged(t('caseload.messaging.completed', { name: client.name }));
        // The button is gone; carry on from this part of the card.
        heading.current?.focus();
      },
    });
  }

  const failure =
    complete.error && (complete.error.code === 'conflict' ? t('caseload.messaging.alreadyClosed') : t(`errors.${complete.error.code}`));
  return (
    <section className="caseload__part" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('caseload.messaging.heading')}
      </h3>
      {failure && <Alert tone="error">{failure}</Alert>}
      {!session && <p>{client.coverage === 'direct' ? t('caseload.messaging.continuous') : t('caseload.messaging.none')}</p>}
      {session && (
        <>
          <p>
            {t('caseload.messaging.open', { when: when(session.closesAt) })}{' '}
            <span className="muted">{t('caseload.messaging.started', { when: when(session.startedAt) })}</span>
          </p>
          <ConfirmButton
            label={t('caseload.messaging.complete')}
            hiddenLabel={t('caseload.messaging.completeFor', { name: client.name })}
            question={t('caseload.messaging.confirmQuestion', { name: client.name })}
            confirmLabel={t('caseload.messaging.confirm')}
            cancelLabel={t('caseload.messaging.cancel')}
            pending={complete.isPending}
            onAsk={() => complete.reset()}
            onConfirm={confirm}
          />
        </>
      )}
    </section>
  );
}
