import type { CareState, CoverageState, UsStateCode } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCare, useIntake } from '../../api/care.ts';
import { useCoverage } from '../../api/coverage.ts';
import { RequireAccount } from '../../app/RequireAccount.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { browserTimeZone } from '../../time/formatting.ts';
import { Alert, ButtonLink, Card, Spinner } from '../../ui/index.ts';
import { LoadFailed } from '../LoadFailed.tsx';
import { useCoverageWords } from '../plan/useCoverageWords.ts';
import { BookLiveSession } from './BookLiveSession.tsx';
import { CheckIn } from '../screeners/CheckIn.tsx';
import { ClientNav } from './ClientNav.tsx';
import { CurrentProvider } from './CurrentProvider.tsx';
import { HistoryAccess } from './HistoryAccess.tsx';
import { MessagingSession } from './MessagingSession.tsx';
import { PreviousProviders } from './PreviousProviders.tsx';
import { QueueStatus } from './QueueStatus.tsx';
import { RequestByName } from './RequestByName.tsx';
import { SwitchProvider } from './SwitchProvider.tsx';
import { UpcomingSessions } from './UpcomingSessions.tsx';
import { useAnnouncement } from './useAnnouncement.tsx';
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
  const coverage = useCoverage();
  const { announce, region } = useAnnouncement();
  const { current, queue } = care;

  return (
    <div className="care">
      <ClientNav />
      <div className="care__intro">
        <h1>{t('care.heading')}</h1>
        {coverage.data && <PlanSummary state={coverage.data} />}
        {region}
      </div>
      {care.notices.map((notice) => (
        <Alert key={notice.id} tone="info">
          <p>{t(`care.notice.${notice.kind}`, { name: notice.providerName })}</p>
        </Alert>
      ))}
      {current && <CheckIn />}
      {current && <CurrentProvider member={current} />}
      {current && coverage.data?.providerAcceptsCoverage === false && queue?.reason !== 'switch' && (
        <SwitchProvider member={current} onSwitched={announce} notice={t('care.coverageMismatch', { name: current.provider.firstName })} />
      )}
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
      {coverage.isError && (
        <LoadFailed failure={coverage.error} onRetry={() => void coverage.refetch()} what="care.coverageFailed" asPage={false} />
      )}
      {coverage.data && <CoverageSections coverage={coverage.data} care={care} timeZone={timeZone} onChanged={announce} />}
      {!coverage.data?.coverage && <UpcomingSessions timeZone={timeZone} />}
      {current && care.previous.length > 0 && <HistoryAccess key={current.assignmentId} member={current} onChanged={announce} />}
      {current && queue?.reason !== 'switch' && coverage.data?.providerAcceptsCoverage !== false && (
        <SwitchProvider member={current} onSwitched={announce} />
      )}
      <RequestByName clientState={state} onMatched={announce} />
      <PreviousProviders previous={care.previous} />
    </div>
  );
}

type CoverageSectionsProps = { coverage: CoverageState; care: CareState; timeZone: string; onChanged: (message: string) => void };

/** Messaging and live sessions as the client's coverage counts them, or the way to choose coverage. */
function CoverageSections({ coverage, care, timeZone, onChanged }: CoverageSectionsProps) {
  const { t } = useTranslation();
  if (!coverage.coverage) {
    return (
      <Card title={t('care.noCoverage.heading')}>
        <p>{t('care.noCoverage.body')}</p>
        <ButtonLink to="/plan">{t('care.noCoverage.choose')}</ButtonLink>
      </Card>
    );
  }
  return (
    <>
      <MessagingSession state={coverage} matched={care.current !== null} timeZone={timeZone} onStarted={onChanged} />
      <UpcomingSessions timeZone={timeZone} />
      {care.current && <BookLiveSession state={coverage} member={care.current} timeZone={timeZone} onBooked={onChanged} />}
    </>
  );
}

/** What the client has left (or, on a health plan, what a session costs), said once at the top, with the way to their plan. */
function PlanSummary({ state }: { state: CoverageState }) {
  const { t } = useTranslation();
  const words = useCoverageWords();
  const summary = words.balance(state.coverage) ?? (state.coverage?.kind === 'health_plan' ? words.estimate(state) : null);
  if (!summary) return null;
  return (
    <p className="care__balance">
      {summary} <Link to="/plan">{t('care.seePlan')}</Link>
    </p>
  );
}
