import type { CareState, UsStateCode } from '@haven/contract';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCare, useIntake } from '../../api/care.ts';
import { RequireAccount } from '../../app/RequireAccount.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { browserTimeZone } from '../../time/formatting.ts';
import { Alert, ButtonLink, Card, Spinner, StatusMessage } from '../../ui/index.ts';
import { LoadFailed } from '../LoadFailed.tsx';
import { CurrentProvider } from './CurrentProvider.tsx';
import { HistoryAccess } from './HistoryAccess.tsx';
import { PreviousProviders } from './PreviousProviders.tsx';
import { QueueStatus } from './QueueStatus.tsx';
import { RequestByName } from './RequestByName.tsx';
import { SwitchProvider } from './SwitchProvider.tsx';
import { UpcomingSessions } from './UpcomingSessions.tsx';
import '../workspace.css';
import './CarePage.css';

/** The client's care: `/care`. */
export function CarePage() {
  usePageTitle('titles.care');
  return <RequireAccount role="client">{() => <Care />}</RequireAccount>;
}

function Care() {
  const { t } = useTranslation();
  const care = useCare();
  const intake = useIntake();

  if (care.isError) return <LoadFailed failure={care.error} onRetry={() => void care.refetch()} what="care.loadFailed" />;
  if (!care.data) return <Spinner />;
  if (!care.data.intakeSubmitted) {
    const started = intake.data !== undefined && intake.data.step !== 'about';
    return (
      <div className="care">
        <h1>{t('care.heading')}</h1>
        <Card title={t('care.start.heading')}>
          <p>{t('care.start.body')}</p>
          <ButtonLink to="/intake">{started ? t('care.start.resume') : t('care.start.begin')}</ButtonLink>
        </Card>
      </div>
    );
  }
  const answers = intake.data?.answers;
  return <CareView care={care.data} timeZone={answers?.timeZone ?? browserTimeZone()} state={answers?.state ?? null} />;
}

type CareViewProps = { care: CareState; timeZone: string; state: UsStateCode | null };

function CareView({ care, timeZone, state }: CareViewProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const { current, queue } = care;

  /** Says what changed, where the page starts, and takes focus there: the control used may be gone. */
  function announce(text: string) {
    setMessage(text);
    requestAnimationFrame(() => {
      status.current?.scrollIntoView({ block: 'nearest' });
      status.current?.focus();
    });
  }

  return (
    <div className="care">
      <div className="care__intro">
        <h1>{t('care.heading')}</h1>
        <div ref={status} tabIndex={-1}>
          <StatusMessage message={message} />
        </div>
      </div>
      {care.notices.map((notice) => (
        <Alert key={notice.id} tone="info">
          <p>{t(`care.notice.${notice.kind}`, { name: notice.providerName })}</p>
        </Alert>
      ))}
      {current && <CurrentProvider member={current} />}
      {queue && <QueueStatus queue={queue} currentName={current && `${current.provider.firstName} ${current.provider.lastName}`} />}
      <section className="care__section" aria-labelledby="care-room-heading">
        <h2 id="care-room-heading">{t('care.room.heading')}</h2>
        {care.roomId ? (
          <>
            <p>{t('care.room.ready')}</p>
            <ButtonLink to="/room">{t('room.openRoom')}</ButtonLink>
          </>
        ) : (
          <p>{t('care.room.waiting')}</p>
        )}
      </section>
      <UpcomingSessions sessions={care.sessions} current={current} timeZone={timeZone} />
      {current && care.previous.length > 0 && <HistoryAccess key={current.assignmentId} member={current} onChanged={announce} />}
      {current && queue?.reason !== 'switch' && <SwitchProvider member={current} onSwitched={announce} />}
      <RequestByName clientState={state} onMatched={announce} />
      <PreviousProviders previous={care.previous} />
    </div>
  );
}
