import { useTranslation } from 'react-i18next';
import { useSessions } from '../../api/sessions.ts';
import { ButtonLink, Spinner } from '../../ui/index.ts';
import { useSessionWords } from '../sessions/useSessionWords.ts';
import '../sessions/SessionsPage.css';

const SHOWN = 2;

/** The next session or two, in the client's own time zone; the sessions page has them all and what can be done with them. */
export function UpcomingSessions({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const sessions = useSessions();
  const words = useSessionWords(timeZone);
  const upcoming = sessions.data?.upcoming ?? [];

  return (
    <section className="care__section" aria-labelledby="care-sessions-heading">
      <h2 id="care-sessions-heading">{t('care.sessions.heading')}</h2>
      {sessions.isPending && <Spinner />}
      {sessions.isError && <p>{t('clientSessions.loadFailed')}</p>}
      {sessions.data && upcoming.length === 0 && <p>{t('care.sessions.none')}</p>}
      {upcoming.length > 0 && (
        <ul className="bare-list sessions__list">
          {upcoming.slice(0, SHOWN).map((session) => (
            <li key={session.id} className="sessions__item">
              <p>
                <strong>{words.when(session)}</strong>
                {session.status === 'requested' && ` (${t('clientSessions.status.requested')})`}
              </p>
              <p className="sessions__details">{words.details(session)}</p>
            </li>
          ))}
        </ul>
      )}
      {sessions.data && (
        <ButtonLink to="/sessions" variant="secondary" className="sessions__more">
          {upcoming.length > SHOWN ? t('clientSessions.seeAll', { count: upcoming.length }) : t('clientSessions.manage')}
        </ButtonLink>
      )}
    </section>
  );
}
