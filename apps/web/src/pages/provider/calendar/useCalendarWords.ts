import type { LiveSession, LiveStatus } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatTimeOfDay } from '../../../time/formatting.ts';
import type { BadgeTone } from '../../../ui/index.ts';

export const statusTones: Record<LiveStatus, BadgeTone> = {
  requested: 'warning',
  booked: 'success',
  cancelled: 'neutral',
  completed: 'info',
};

/** A calendar shows the client by first name only: it is on screen, maybe shared. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/** How the calendar says a session and its times, in the provider's zone. */
export function useCalendarWords(timeZone: string) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => formatTimeOfDay(iso, timeZone, i18n.language);
  // A declined request is a cancelled session to the system, but not to the person who declined it.
  const status = (session: LiveSession) =>
    session.outcome === 'declined' ? t('providerCalendar.status.declined') : t(`providerCalendar.status.${session.status}`);
  return {
    time,
    span: (span: { start: string; end: string }) => t('providerCalendar.span', { from: time(span.start), to: time(span.end) }),
    status,
    modality: (session: LiveSession) => t(`vocabulary.modality.${session.modality}`),
    /** Everything a block shows, as one name for screen readers. */
    sessionName: (session: LiveSession) =>
      t('providerCalendar.sessionName', {
        name: firstName(session.clientName),
        modality: t(`vocabulary.modality.${session.modality}`),
        status: status(session),
        from: time(session.startsAt),
        to: time(session.endsAt),
      }),
  };
}
