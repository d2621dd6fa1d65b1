import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/index.ts';
import { startOfDate, type CalendarView } from './calendarLayout.ts';

type CalendarToolbarProps = {
  dates: readonly string[];
  view: CalendarView;
  timeZone: string;
  /** A new week is loading: the buttons stay, the range says so. */
  busy: boolean;
  onView: (view: CalendarView) => void;
  onMove: (steps: number) => void;
  onToday: () => void;
};

/** The range shown, previous / today / next, and the week–day switch. */
export function CalendarToolbar({ dates, view, timeZone, busy, onView, onMove, onToday }: CalendarToolbarProps) {
  const { t, i18n } = useTranslation();
  const first = startOfDate(dates[0] ?? '', timeZone);
  const last = startOfDate(dates.at(-1) ?? '', timeZone);
  const format = new Intl.DateTimeFormat(i18n.language, {
    timeZone,
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    ...(view === 'day' ? { weekday: 'long' } : {}),
  });
  const range = view === 'day' ? format.format(first) : format.formatRange(first, last);
  const unit = view === 'day' ? 'Day' : 'Week';

  return (
    <div className="calendar__toolbar">
      <h2 className="calendar__range" aria-live="polite" aria-busy={busy || undefined}>
        {range}
      </h2>
      <div className="calendar__nav" role="group" aria-label={t('providerCalendar.navigation')}>
        <Button variant="secondary" className="button--small" onClick={() => onMove(-1)}>
          <span aria-hidden="true">←</span> {t(`providerCalendar.previous${unit}`)}
        </Button>
        <Button variant="secondary" className="button--small" onClick={onToday}>
          {t('providerCalendar.today')}
        </Button>
        <Button variant="secondary" className="button--small" onClick={() => onMove(1)}>
          {t(`providerCalendar.next${unit}`)} <span aria-hidden="true">→</span>
        </Button>
      </div>
      <div className="calendar__views" role="group" aria-label={t('providerCalendar.viewLabel')}>
        {(['week', 'day'] as const).map((option) => (
          <Button
            key={option}
            variant={view === option ? 'primary' : 'quiet'}
            className="button--small"
            aria-pressed={view === option}
            onClick={() => onView(option)}
          >
            {t(`providerCalendar.views.${option}`)}
          </Button>
        ))}
      </div>
    </div>
  );
}
