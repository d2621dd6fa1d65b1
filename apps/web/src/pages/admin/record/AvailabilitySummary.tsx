import type { ProviderWorkspace } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../time/formatting.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { useHoursSummary } from './useHoursSummary.ts';

/** Live-session hours, lengths, buffer, notice and time off, in the provider's time zone. */
export function AvailabilitySummary({ workspace }: { workspace: ProviderWorkspace }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const hours = useHoursSummary();
  const { availability, timeOff, profile } = workspace;
  const zone = profile.timeZone ?? 'UTC';
  const weekly = hours(availability.weekly);

  return (
    <section className="form__section" aria-labelledby="record-availability">
      <h2 id="record-availability">{t('adminProvider.availability')}</h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('availability.weekly.legend')}</dt>
          <dd>
            {weekly.length === 0 ? (
              t('common.none')
            ) : (
              <ul className="plain-list">
                {weekly.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('availability.lengths')}</dt>
          <dd>{vocabulary.list(availability.sessionLengths.map((count) => t('availability.minutes', { count })))}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('availability.buffer')}</dt>
          <dd>{availability.bufferMinutes}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('availability.notice')}</dt>
          <dd>{availability.minNoticeHours}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('timeOff.heading')}</dt>
          <dd>
            {timeOff.length === 0 ? (
              t('common.none')
            ) : (
              <ul className="plain-list">
                {timeOff.map((entry) => (
                  <li key={entry.id}>
                    {t('timeOff.range', {
                      start: formatDateTime(entry.startsAt, zone, vocabulary.locale),
                      end: formatDateTime(entry.endsAt, zone, vocabulary.locale),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
