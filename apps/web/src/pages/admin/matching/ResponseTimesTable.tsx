import type { ResponseTimes } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../ui/index.ts';
import { useHumanTime } from './useHumanTime.ts';

/** How fast each provider answers their clients, and how often a reply came after its reply-by. */
export function ResponseTimesTable({ times }: { times: ResponseTimes }) {
  const { t } = useTranslation();
  const time = useHumanTime();
  const caption = t('matchingOps.responses.caption', { days: times.windowDays });
  const duration = (seconds: number | null) => (seconds === null ? t('matchingOps.responses.none') : time.duration(seconds));

  if (times.providers.length === 0) return <p>{t('matchingOps.responses.empty')}</p>;
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matchingOps.responses.columns.provider')}</th>
            <th scope="col">{t('matchingOps.responses.columns.replies')}</th>
            <th scope="col">{t('matchingOps.responses.columns.median')}</th>
            <th scope="col">{t('matchingOps.responses.columns.p90')}</th>
            <th scope="col">{t('matchingOps.responses.columns.breaches')}</th>
            <th scope="col">{t('matchingOps.responses.columns.overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {times.providers.map((provider) => (
            <tr key={provider.providerId}>
              <th scope="row">{provider.name}</th>
              <td>{provider.replies}</td>
              <td>{duration(provider.medianSeconds)}</td>
              <td>{duration(provider.p90Seconds)}</td>
              <td>{provider.breaches}</td>
              <td>{provider.overdueNow}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
