import type { BookedSession, CareTeamMember } from '@haven/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/formatting.ts';
import { useVocabulary } from '../../vocabulary/useVocabulary.ts';

type UpcomingSessionsProps = { sessions: readonly BookedSession[]; current: CareTeamMember | null; timeZone: string };

/** Booked live sessions, in the client's own time zone. */
export function UpcomingSessions({ sessions, current, timeZone }: UpcomingSessionsProps) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const [now] = useState(() => Date.now());
  const upcoming = sessions.filter((session) => new Date(session.endsAt).getTime() > now);

  return (
    <section className="care__section" aria-labelledby="care-sessions-heading">
      <h2 id="care-sessions-heading">{t('care.sessions.heading')}</h2>
      {upcoming.length === 0 ? (
        <p>{t('care.sessions.none')}</p>
      ) : (
        <ul className="plain-list">
          {upcoming.map((session) => {
            const provider = current?.provider.id === session.providerId ? current.provider : null;
            return (
              <li key={session.id}>
                {t('care.sessions.session', {
                  when: formatDateTime(session.startsAt, timeZone, i18n.language),
                  modality: vocabulary.modality(session.modality),
                })}
                {provider && ` ${t('care.sessions.with', { name: `${provider.firstName} ${provider.lastName}` })}`}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
