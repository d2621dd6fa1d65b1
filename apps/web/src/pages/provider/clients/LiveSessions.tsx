import type { Caseload } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../time/formatting.ts';
import { useNow } from '../../../time/useNow.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import type { CaseloadClient } from './ClientCard.tsx';
import { PastSession } from './PastSession.tsx';

export type CaseloadSession = Caseload['clients'][number]['sessions'][number];

type LiveSessionsProps = { client: CaseloadClient; timeZone: string; onChanged: (message: string) => void };

const byStart = (a: CaseloadSession, b: CaseloadSession) => a.startsAt.localeCompare(b.startsAt);

/** The client's booked live sessions still to come, then recent ones with how they went. */
export function LiveSessions({ client, timeZone, onChanged }: LiveSessionsProps) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const now = useNow();
  const isUpcoming = (session: CaseloadSession) => session.status === 'booked' && Date.parse(session.startsAt) > now;
  const upcoming = client.sessions.filter(isUpcoming).sort(byStart);
  const recent = client.sessions
    .filter((session) => !isUpcoming(session))
    .sort(byStart)
    .reverse();
  const upcomingId = `upcoming-${client.clientId}`;
  const recentId = `recent-${client.clientId}`;
  const describe = (session: CaseloadSession) =>
    t('caseload.live.session', {
      when: formatDateTime(session.startsAt, timeZone, i18n.language),
      modality: vocabulary.modality(session.modality),
    });

  return (
    <>
      <section className="caseload__part" aria-labelledby={upcomingId}>
        <h3 id={upcomingId}>{t('caseload.live.upcomingHeading')}</h3>
        {upcoming.length === 0 ? (
          <p>{t('caseload.live.upcomingNone')}</p>
        ) : (
          <ul className="plain-list">
            {upcoming.map((session) => (
              <li key={session.id}>{describe(session)}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="caseload__part" aria-labelledby={recentId}>
        <h3 id={recentId}>{t('caseload.live.recentHeading')}</h3>
        {recent.length === 0 ? (
          <p>{t('caseload.live.recentNone')}</p>
        ) : (
          <>
            <p className="muted">{t('caseload.live.outcomeHint')}</p>
            <ul className="bare-list">
              {recent.map((session) => (
                <PastSession
                  key={session.id}
                  session={session}
                  description={describe(session)}
                  clientName={client.name}
                  onChanged={onChanged}
                />
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
