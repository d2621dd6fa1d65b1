import type { MatchingOverview } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../../ui/index.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { useHumanTime } from './useHumanTime.ts';

type WaitingClient = MatchingOverview['queue']['longestWaiting'][number];

/** The clients who have waited longest for a provider, and why they are waiting. */
export function WaitingClients({ queue }: { queue: MatchingOverview['queue'] }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const time = useHumanTime();
  const columns: DataTableColumn<WaitingClient>[] = [
    { key: 'client', header: t('matchingOps.matching.columns.client'), rowHeader: true, cell: (client) => client.name },
    { key: 'state', header: t('matchingOps.matching.columns.state'), cell: (client) => vocabulary.state(client.state) },
    {
      key: 'languages',
      header: t('matchingOps.matching.columns.languages'),
      cell: (client) => vocabulary.list(client.requiredLanguages.map(vocabulary.language)),
    },
    {
      key: 'waiting',
      header: t('matchingOps.matching.columns.waiting'),
      cell: (client) => (
        <>
          {time.since(client.since)}
          <span className="table__note">{t('matchingOps.matching.since', { when: time.at(client.since) })}</span>
        </>
      ),
    },
    {
      key: 'reason',
      header: t('matchingOps.matching.columns.reason'),
      cell: (client) => t(`matchingOps.matching.reason.${client.reason}`),
    },
  ];

  return (
    <DataTable
      caption={t('matchingOps.matching.waitingCaption', { shown: queue.longestWaiting.length, size: queue.size })}
      columns={columns}
      rows={queue.longestWaiting}
      rowKey={(client) => client.clientId}
      empty={t('matchingOps.matching.nobodyWaiting')}
    />
  );
}
