import type { CareState } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../time/formatting.ts';

/** The providers the client had before, and why each stopped. */
export function PreviousProviders({ previous }: { previous: CareState['previous'] }) {
  const { t, i18n } = useTranslation();
  if (previous.length === 0) return null;
  const date = (iso: string) => formatCalendarDate(iso, i18n.language);

  return (
    <section className="care__section" aria-labelledby="care-previous-heading">
      <h2 id="care-previous-heading">{t('care.previous.heading')}</h2>
      <ul className="plain-list">
        {previous.map((entry) => (
          <li key={entry.assignmentId}>
            {t('care.previous.item', { name: entry.providerName, from: date(entry.from), to: date(entry.to) })} (
            {t(`care.previous.${entry.endReason}`)})
          </li>
        ))}
      </ul>
    </section>
  );
}
