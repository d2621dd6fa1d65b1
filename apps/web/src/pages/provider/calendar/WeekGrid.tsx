import type { LiveSession, ProviderCalendar } from '@haven/contract';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWallTime } from '../../../time/formatting.ts';
import { hoursShown, placeOnDate, startOfDate, type Placed } from './calendarLayout.ts';
import { firstName, useCalendarWords } from './useCalendarWords.ts';

type WeekGridProps = {
  calendar: ProviderCalendar;
  dates: readonly string[];
  today: string;
  selectedId: string | null;
  onSelect: (session: LiveSession) => void;
};

const asSpan = (session: LiveSession) => ({ ...session, start: session.startsAt, end: session.endsAt });

/** A column per day, hours down the side; each session a button that opens its details. */
export function WeekGrid({ calendar, dates, today, selectedId, onSelect }: WeekGridProps) {
  const { t, i18n } = useTranslation();
  const { timeZone } = calendar;
  const words = useCalendarWords(timeZone);
  const days = dates.map((date) => ({
    date,
    sessions: placeOnDate(calendar.sessions.map(asSpan), date, timeZone),
    available: placeOnDate(calendar.available, date, timeZone),
    timeOff: placeOnDate(calendar.timeOff, date, timeZone),
  }));
  const { first, last } = hoursShown(days.flatMap((day) => [...day.sessions, ...day.available]));
  const hours = Array.from({ length: last - first }, (_, index) => first + index);
  const dayName = new Intl.DateTimeFormat(i18n.language, { timeZone, weekday: 'short', day: 'numeric', month: 'short' });

  /** Top and height as shares of the hours drawn; what lies outside them is cut off. */
  const position = (entry: Placed<unknown>): CSSProperties => {
    const from = Math.max(entry.startMinute, first * 60);
    const to = Math.min(entry.endMinute, last * 60);
    const total = (last - first) * 60;
    return {
      top: `${((from - first * 60) / total) * 100}%`,
      height: `${(Math.max(to - from, 0) / total) * 100}%`,
      left: `${(entry.lane / entry.lanes) * 100}%`,
      width: `${100 / entry.lanes}%`,
    };
  };

  return (
    <div className="week-grid" style={{ '--days': dates.length, '--hours': last - first } as CSSProperties}>
      <div className="week-grid__hours" aria-hidden="true">
        <div className="week-grid__head" />
        <div className="week-grid__body">
          {hours.map((hour) => (
            <span key={hour} className="week-grid__hour" style={{ top: `${((hour - first) / (last - first)) * 100}%` }}>
              {formatWallTime(`${String(hour).padStart(2, '0')}:00`, i18n.language)}
            </span>
          ))}
        </div>
      </div>
      {days.map((day) => {
        const headingId = `day-${day.date}`;
        return (
          <section key={day.date} className="week-grid__day" aria-labelledby={headingId}>
            <h3 id={headingId} className="week-grid__head" aria-current={day.date === today ? 'date' : undefined}>
              {dayName.format(startOfDate(day.date, timeZone))}
            </h3>
            <p className="visually-hidden">
              {day.available.length
                ? t('providerCalendar.availableFor', { hours: day.available.map((entry) => words.span(entry.item)).join(', ') })
                : t('providerCalendar.noHours')}
            </p>
            <div className="week-grid__body">
              {day.available.map((entry) => (
                <div
                  key={entry.item.start}
                  className="week-grid__available"
                  style={position({ ...entry, lane: 0, lanes: 1 })}
                  aria-hidden="true"
                />
              ))}
              {day.timeOff.map((entry) => (
                <div key={entry.item.start} className="week-grid__time-off" style={position({ ...entry, lane: 0, lanes: 1 })}>
                  <span>
                    {entry.item.note ? t('providerCalendar.timeOffNote', { note: entry.item.note }) : t('providerCalendar.timeOff')}
                  </span>
                </div>
              ))}
              <ul className="week-grid__sessions">
                {day.sessions.map((entry) => {
                  const session = entry.item;
                  return (
                    <li key={session.id} className="week-grid__slot" style={position(entry)}>
                      <button
                        type="button"
                        className={`session-block session-block--${session.status}`}
                        aria-label={words.sessionName(session)}
                        aria-expanded={selectedId === session.id}
                        onClick={() => onSelect(session)}
                      >
                        <strong>{firstName(session.clientName)}</strong>
                        <span>
                          {words.time(session.startsAt)} · {words.modality(session)}
                        </span>
                        <span>{words.status(session)}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          </section>
        );
      })}
    </div>
  );
}
