import type { LiveSession } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../time/formatting.ts';
import { DecisionControls } from './DecisionControls.tsx';
import { firstName, useCalendarWords } from './useCalendarWords.ts';

type RequestsPanelProps = { sessions: readonly LiveSession[]; timeZone: string; onDone: (message: string) => void };

/** The requests in view that wait for the provider, each with Confirm and Decline. */
export function RequestsPanel({ sessions, timeZone, onDone }: RequestsPanelProps) {
  const { t, i18n } = useTranslation();
  const words = useCalendarWords(timeZone);
  const requests = sessions.filter((session) => session.status === 'requested');
  if (requests.length === 0) return null;

  return (
    <section className="card calendar__requests" aria-labelledby="calendar-requests">
      <h2 id="calendar-requests" className="card__title">
        {t('providerCalendar.requests.heading', { count: requests.length })}
      </h2>
      <ul className="calendar__request-list">
        {requests.map((session) => (
          <li key={session.id} className="calendar__request">
            <p>
              <strong>{firstName(session.clientName)}</strong> · {formatDateTime(session.startsAt, timeZone, i18n.language)} ·{' '}
              {words.modality(session)}
            </p>
            <DecisionControls session={session} onDone={onDone} />
          </li>
        ))}
      </ul>
    </section>
  );
}
