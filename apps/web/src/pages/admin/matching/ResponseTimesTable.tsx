import type { ResponseTimes } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../../ui/index.ts';
import { useHumanTime } from './useHumanTime.ts';

type ProviderResponseTimes = ResponseTimes['providers'][number];

/** How fast each provider answers their clients, and how often a reply came after its reply-by. */
export function ResponseTimesTable({ times }: { times: ResponseTimes }) {
  const { t } = useTranslation();
  const time = useHumanTime();
  const duration = (seconds: number | null) => (seconds === null ? t('matchingOps.responses.none') : time.duration(seconds));
  const columns: DataTableColumn<ProviderResponseTimes>[] = [
    { key: 'provider', header: t('matchingOps.responses.columns.provider'), rowHeader: true, cell: (provider) => provider.name },
    { key: 'replies', header: t('matchingOps.responses.columns.replies'), align: 'end', cell: (provider) => provider.replies },
    { key: 'median', header: t('matchingOps.responses.columns.median'), cell: (provider) => duration(provider.medianSeconds) },
    { key: 'p90', header: t('matchingOps.responses.columns.p90'), cell: (provider) => duration(provider.p90Seconds) },
    { key: 'breaches', header: t('matchingOps.responses.columns.breaches'), align: 'end', cell: (provider) => provider.breaches },
    { key: 'overdue', header: t('matchingOps.responses.columns.overdue'), align: 'end', cell: (provider) => provider.overdueNow },
  ];

  return (
    <DataTable
      caption={t('matchingOps.responses.caption', { days: times.windowDays })}
      columns={columns}
      rows={times.providers}
      rowKey={(provider) => provider.providerId}
      empty={t('matchingOps.responses.empty')}
    />
  );
}
