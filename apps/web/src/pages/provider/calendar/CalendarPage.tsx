import type { LiveSession } from '@haven/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProviderCalendar } from '../../../api/calendar.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { browserTimeZone, describeTimeZone } from '../../../time/formatting.ts';
import { useNow } from '../../../time/useNow.ts';
import { Spinner, StatusMessage } from '../../../ui/index.ts';
import { LoadFailed } from '../../LoadFailed.tsx';
import { AgendaList } from './AgendaList.tsx';
import { CalendarToolbar } from './CalendarToolbar.tsx';
import { rangeOfDates, shiftDate, todayIn, visibleDates, type CalendarView } from './calendarLayout.ts';
import { ConfirmBookingsSetting } from './ConfirmBookingsSetting.tsx';
import { RequestsPanel } from './RequestsPanel.tsx';
import { SessionDetails } from './SessionDetails.tsx';
import { WeekGrid } from './WeekGrid.tsx';
import './CalendarPage.css';

/**
 * The provider's week (or day) in their own time zone: published hours shaded, time off marked,
 * each session a block that opens its details. Phones get the same days as a list.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  usePageTitle('titles.providerCalendar');
  const now = useNow();
  // The zone is known once the calendar answers; until then the reader's own stands in.
  const [zone, setZone] = useState(browserTimeZone);
  const [anchor, setAnchor] = useState<string | null>(null);
  const [view, setView] = useState<CalendarView>('week');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);

  const date = anchor ?? todayIn(zone, now);
  const dates = visibleDates(date, view);
  const calendar = useProviderCalendar(rangeOfDates(dates, zone));
  // Adjusting state to an answer while rendering, as React advises over an effect.
  const answeredZone = calendar.data?.timeZone;
  if (answeredZone && answeredZone !== zone) setZone(answeredZone);

  if (calendar.isError && !calendar.data) {
    return <LoadFailed failure={calendar.error} onRetry={() => void calendar.refetch()} what="providerCalendar.loadFailed" />;
  }
  if (!calendar.data) return <Spinner />;
  const data = calendar.data;
  const selected = data.sessions.find((session) => session.id === selectedId) ?? null;
  const zoneName = describeTimeZone(data.timeZone, i18n.language);

  function select(session: LiveSession) {
    setAnnouncement(null);
    setSelectedId(session.id);
  }

  function moved(session: LiveSession, message: string) {
    setAnnouncement(message);
    setSelectedId(session.id);
    setAnchor(todayIn(zone, new Date(session.startsAt).getTime()));
  }

  return (
    <div className="workspace calendar">
      <div className="workspace__intro">
        <h1>{t('providerCalendar.heading', { zone: zoneName })}</h1>
        <p className="lead">{t('providerCalendar.lead')}</p>
      </div>
      <ConfirmBookingsSetting />
      <CalendarToolbar
        dates={dates}
        view={view}
        timeZone={data.timeZone}
        busy={calendar.isFetching}
        onView={setView}
        onMove={(steps) => setAnchor(shiftDate(date, view === 'day' ? steps : steps * 7))}
        onToday={() => setAnchor(todayIn(zone, now))}
      />
      <StatusMessage message={announcement} />
      <RequestsPanel sessions={data.sessions} timeZone={data.timeZone} onDone={setAnnouncement} />
      <WeekGrid calendar={data} dates={dates} today={todayIn(zone, now)} selectedId={selectedId} onSelect={select} />
      <AgendaList calendar={data} dates={dates} selectedId={selectedId} onSelect={select} />
      {selected && (
        <SessionDetails
          key={selected.id}
          session={selected}
          timeZone={data.timeZone}
          now={now}
          onClose={() => setSelectedId(null)}
          onDone={setAnnouncement}
          onMoved={moved}
        />
      )}
    </div>
  );
}
