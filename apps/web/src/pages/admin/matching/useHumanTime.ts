import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { durationWords, relativeTime } from '../../../time/durations.ts';
import { browserTimeZone, formatDateTime } from '../../../time/formatting.ts';
import { useNow } from '../../../time/useNow.ts';

/** Durations and moments in the operator's words: "2 h 5 min", "3 hours ago", and the full date. */
export function useHumanTime() {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const locale = i18n.language;

  return useMemo(() => {
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

    function duration(seconds: number): string {
      const words = durationWords(seconds);
      switch (words.unit) {
        case 'seconds':
          return t('matchingOps.duration.seconds', { value: number.format(words.value) });
        case 'minutes':
          return t('matchingOps.duration.minutes', { value: number.format(words.value) });
        case 'hours':
          return words.minutes === 0
            ? t('matchingOps.duration.hours', { hours: number.format(words.hours) })
            : t('matchingOps.duration.hoursMinutes', {
                hours: number.format(words.hours),
                minutes: number.format(words.minutes),
              });
        case 'days':
          return t('matchingOps.duration.days', { count: words.value, value: number.format(words.value) });
      }
    }

    const secondsFromNow = (iso: string) => (Date.parse(iso) - now) / 1000;
    return {
      duration,
      /** How long since then: "3 days". */
      since: (iso: string) => duration(-secondsFromNow(iso)),
      /** "3 hours ago", "yesterday"; a moment the server dates a little ahead of this clock is "now". */
      ago: (iso: string) => {
        const { value, unit } = relativeTime(Math.min(0, secondsFromNow(iso)));
        return relative.format(value, unit);
      },
      /** The full date and time in the operator's time zone. */
      at: (iso: string) => formatDateTime(iso, browserTimeZone(), locale),
    };
  }, [t, locale, now]);
}
