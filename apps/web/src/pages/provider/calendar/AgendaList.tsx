import type { LiveSession, ProviderCalendar } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/index.ts';
import { placeOnDate, startOfDate } from './calendarLayout.ts';
import { firstName, statusTones, useCalendarWords } from './useCalendarWords.ts';

type AgendaListProps = {
  calendar: ProviderCalendar;
  dates: readonly string[];
  selectedId: string | null;
  onSelect: (session: LiveSession) => void;
};

/** The same days as a list, for narrow screens: hours, time off, then each session. */
export function AgendaList({ calendar, dates, selectedId, onSelect }: AgendaListProps) {
  const { t, i18n } = useTranslation();
  const { timeZone } = calendar;
  const words = useCalendarWords(timeZone);
  const dayName = new Intl.DateTimeFormat(i18n.language, { timeZone, weekday: 'long', month: 'long', day: 'numeric' });

  return (
    <ol className="agenda">
      {dates.map((date) => {
        const available = placeOnDate(calendar.available, date, timeZone);
        const timeOff = placeOnDate(calendar.timeOff, date, timeZone);
        const sessions = calendar.sessions.filter(
          (session) => placeOnDate([{ start: session.startsAt, end: session.endsAt }], date, timeZone).length > 0,
        );
        return (
          <li key={date} className="agenda__day">
            <h3 className="agenda__date">{dayName.format(startOfDate(date, timeZone))}</h3>
            <p className="agenda__hours">
              {available.length
                ? t('providerCalendar.availableFor', { hours: available.map((entry) => words.span(entry.item)).join(', ') })
                : t('providerCalendar.noHours')}
            </p>
            {timeOff.map((entry) => (
              <p key={entry.item.start} className="agenda__time-off">
                {entry.item.note ? t('providerCalendar.timeOffNote', { note: entry.item.note }) : t('providerCalendar.timeOff')} (
                {words.span(entry.item)})
              </p>
            ))}
            {sessions.length === 0 ? (
              <p className="agenda__empty">{t('providerCalendar.noSessions')}</p>
            ) : (
              <ul className="agenda__sessions">
                {sessions.map((session) => (
                  <li key={session.id}>
                    <button
                      type="button"
                      className={`session-block session-block--${session.status} agenda__session`}
                      aria-expanded={selectedId === session.id}
                      onClick={() => onSelect(session)}
                    >
                      <span className="agenda__when">{words.span({ start: session.startsAt, end: session.endsAt })}</span>
                      <strong>{firstName(session.clientName)}</strong>
                      <span>{words.modality(session)}</span>
                      <Badge tone={statusTones[session.status]}>{words.status(session)}</Badge>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
