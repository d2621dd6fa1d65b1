import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDayHeading, formatTimeOfDay } from '../../time/formatting.ts';

/** The calendar day of an instant in a time zone, as YYYY-MM-DD: what messages are grouped by. */
export function dayKey(iso: string | number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** "1:05" for a recording's length. */
export function clockLength(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Times, days and sizes in the reader's language and time zone. */
export function useRoomWords(timeZone: string) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return {
    time: (iso: string) => formatTimeOfDay(iso, timeZone, locale),
    /** "Today", "Yesterday" or "Monday, March 3". */
    day: (iso: string, now: number) => {
      const key = dayKey(iso, timeZone);
      if (key === dayKey(now, timeZone)) return t('room.today');
      if (key === dayKey(now - 86_400_000, timeZone)) return t('room.yesterday');
      return formatDayHeading(iso, timeZone, locale);
    },
    /** "Tue 3:00 PM CST": when a reply is due. */
    due: (iso: string) =>
      new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(
        new Date(iso),
      ),
    /** "Mon, Dec 1, 2025, 1:27 AM CST": a time further ahead than a week. */
    dateTime: (iso: string) => formatDateTime(iso, timeZone, locale),
    /** "Mar 3, 2:10 PM". */
    when: (iso: string) =>
      new Intl.DateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(
        new Date(iso),
      ),
    size: (bytes: number) => {
      const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(1, bytes / 1024), 'kilobyte'];
      return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
    },
  };
}

export type RoomWords = ReturnType<typeof useRoomWords>;
