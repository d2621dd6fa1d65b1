import type { MatchingOverview } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../ui/index.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { useHumanTime } from './useHumanTime.ts';

/** The clients who have waited longest for a provider, and why they are waiting. */
export function WaitingClients({ queue }: { queue: MatchingOverview['queue'] }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const time = useHumanTime();
  const caption = t('matchingOps.matching.waitingCaption', { shown: queue.longestWaiting.length, size: queue.size });

  if (queue.longestWaiting.length === 0) return <p>{t('matchingOps.matching.nobodyWaiting')}</p>;
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matchingOps.matching.columns.client')}</th>
            <th scope="col">{t('matchingOps.matching.columns.state')}</th>
            <th scope="col">{t('matchingOps.matching.columns.languages')}</th>
            <th scope="col">{t('matchingOps.matching.columns.waiting')}</th>
            <th scope="col">{t('matchingOps.matching.columns.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {queue.longestWaiting.map((client) => (
            <tr key={client.clientId}>
              <th scope="row">{client.name}</th>
              <td>{vocabulary.state(client.state)}</td>
              <td>{vocabulary.list(client.requiredLanguages.map(vocabulary.language))}</td>
              <td>
                {time.since(client.since)}
                <span className="table__note">{t('matchingOps.matching.since', { when: time.at(client.since) })}</span>
              </td>
              <td>{t(`matchingOps.matching.reason.${client.reason}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
