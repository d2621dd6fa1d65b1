import type { LiveSessionList } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCoverage } from '../../api/coverage.ts';
import { useSessions } from '../../api/sessions.ts';
import { RequireAccount } from '../../app/RequireAccount.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { describeTimeZone } from '../../time/formatting.ts';
import { useNow } from '../../time/useNow.ts';
import { Spinner } from '../../ui/index.ts';
import { ClientNav } from '../care/ClientNav.tsx';
import { useAnnouncement } from '../care/useAnnouncement.tsx';
import { LoadFailed } from '../LoadFailed.tsx';
import { PastSessions } from './PastSessions.tsx';
import { UpcomingSession } from './UpcomingSession.tsx';
import { useClientTimeZone } from './useClientTimeZone.ts';
import { useSessionWords } from './useSessionWords.ts';
import '../workspace.css';
import '../care/CarePage.css';
import './SessionsPage.css';

/** A client's live sessions, upcoming and past: `/sessions`. */
export function SessionsPage() {
  usePageTitle('titles.clientSessions');
  return <RequireAccount role="client">{() => <Sessions />}</RequireAccount>;
}

function Sessions() {
  const sessions = useSessions();
  if (sessions.isError)
    return <LoadFailed failure={sessions.error} onRetry={() => void sessions.refetch()} what="clientSessions.loadFailed" />;
  if (!sessions.data) return <Spinner />;
  return <SessionsView list={sessions.data} />;
}

function SessionsView({ list }: { list: LiveSessionList }) {
  const { t, i18n } = useTranslation();
  const coverage = useCoverage();
  const timeZone = useClientTimeZone();
  const words = useSessionWords(timeZone);
  const now = useNow();
  const { announce, region } = useAnnouncement();

  return (
    <div className="care">
      <ClientNav />
      <div className="care__intro">
        <h1>{t('clientSessions.heading')}</h1>
        <p className="lead">{t('clientSessions.lead', { zone: describeTimeZone(timeZone, i18n.language) })}</p>
        {region}
      </div>
      <section className="care__section" aria-labelledby="sessions-upcoming-heading">
        <h2 id="sessions-upcoming-heading">{t('care.sessions.heading')}</h2>
        {list.upcoming.length === 0 ? (
          <p>
            {t('care.sessions.none')} <Link to="/care">{t('clientSessions.bookLink')}</Link>
          </p>
        ) : (
          <ul className="bare-list sessions__list">
            {list.upcoming.map((session) => (
              <UpcomingSession
                key={session.id}
                session={session}
                words={words}
                coverage={coverage.data}
                timeZone={timeZone}
                now={now}
                onChanged={announce}
              />
            ))}
          </ul>
        )}
      </section>
      <PastSessions past={list.past} upcoming={list.upcoming} words={words} />
    </div>
  );
}
