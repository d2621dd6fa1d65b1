import type { WeeklyWindow } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatWallTime } from '../../../time/formatting.ts';
import { useVocabulary, weekOrder } from '../../../vocabulary/useVocabulary.ts';

/** Weekly hours as lines a person reads: "Monday 9:00 AM – 5:00 PM", Monday first. */
export function useHoursSummary() {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  return (windows: readonly WeeklyWindow[]) =>
    weekOrder.flatMap((weekday) =>
      windows
        .filter((window) => window.weekday === weekday)
        .sort((a, b) => a.start.localeCompare(b.start))
        .map((window) =>
          t('adminProvider.hoursLine', {
            day: vocabulary.weekday(weekday),
            start: formatWallTime(window.start, vocabulary.locale),
            end: formatWallTime(window.end, vocabulary.locale),
          }),
        ),
    );
}
