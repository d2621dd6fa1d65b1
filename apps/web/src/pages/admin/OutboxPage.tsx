import { useTranslation } from 'react-i18next';
import { useOutbox } from '../../api/operations.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { browserTimeZone, formatDateTime } from '../../time/formatting.ts';
import { Badge, Card, Spinner } from '../../ui/index.ts';
import { LoadFailed } from '../LoadFailed.tsx';
import './OutboxPage.css';

/** Queued email, newest first: how operators see invitations and notices on the embedded default. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  usePageTitle('titles.adminOutbox');
  const outbox = useOutbox();
  const when = (iso: string) => formatDateTime(iso, browserTimeZone(), i18n.language);

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('outbox.heading')}</h1>
        <p className="lead">{t('outbox.lead')}</p>
      </div>
      {outbox.isError && (
        <LoadFailed failure={outbox.error} onRetry={() => void outbox.refetch()} what="outbox.loadFailed" asPage={false} />
      )}
      {outbox.isPending && <Spinner />}
      {outbox.data?.emails.length === 0 && <p>{t('outbox.empty')}</p>}
      {outbox.data?.emails.map((email) => (
        <Card key={email.id} title={email.subject}>
          <p className="outbox__meta">
            <Badge tone={email.sentAt ? 'success' : 'neutral'}>
              {email.sentAt ? t('outbox.sent', { when: when(email.sentAt) }) : t('outbox.notSent')}
            </Badge>{' '}
            {t('outbox.to')}: {email.to} · {t('outbox.queued', { when: when(email.createdAt) })}
          </p>
          <pre className="outbox__body">{email.text}</pre>
        </Card>
      ))}
    </div>
  );
}
