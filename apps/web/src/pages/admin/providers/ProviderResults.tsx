import type { ProviderList } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCalendarDate } from '../../../time/formatting.ts';
import { DataTable, type DataTableColumn } from '../../../ui/index.ts';
import { ProviderStatusBadge } from '../../../vocabulary/StatusBadges.tsx';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';

type ProviderResultsProps = {
  list: ProviderList;
  /** True while the next page is loading and the previous one is still shown. */
  busy: boolean;
  pageLink: (page: number) => string;
};

type ProviderRow = ProviderList['providers'][number];

export function ProviderResults({ list, busy, pageLink }: ProviderResultsProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const columns: DataTableColumn<ProviderRow>[] = [
    {
      key: 'name',
      header: t('adminProviders.results.name'),
      rowHeader: true,
      cell: (provider) => (
        <>
          <Link to={`/admin/providers/${provider.id}`}>{`${provider.firstName} ${provider.lastName}`}</Link>
          <span className="table__note">{provider.email}</span>
        </>
      ),
    },
    { key: 'status', header: t('adminProviders.results.status'), cell: (provider) => <ProviderStatusBadge status={provider.status} /> },
    {
      key: 'credentials',
      header: t('adminProviders.results.credentials'),
      cell: (provider) => provider.credentials.join(', ') || t('common.none'),
    },
    {
      key: 'states',
      header: t('adminProviders.results.states'),
      cell: (provider) => provider.licensedStates.join(', ') || t('common.none'),
    },
    { key: 'pending', header: t('adminProviders.results.pending'), align: 'end', cell: (provider) => provider.pendingLicences },
    {
      key: 'nextExpiry',
      header: t('adminProviders.results.nextExpiry'),
      cell: (provider) => (provider.nextExpiry ? formatCalendarDate(provider.nextExpiry, vocabulary.locale) : t('common.none')),
    },
  ];

  return (
    <div className="stack" aria-busy={busy || undefined}>
      <DataTable
        caption={t('adminProviders.results.caption', { count: list.total })}
        columns={columns}
        rows={list.providers}
        rowKey={(provider) => provider.id}
        empty={t('adminProviders.results.empty')}
      />
      {pages > 1 && (
        <nav className="pagination" aria-label={t('adminProviders.pagination.label')}>
          {list.page > 1 && <Link to={pageLink(list.page - 1)}>{t('adminProviders.pagination.previous')}</Link>}
          <span>{t('adminProviders.pagination.position', { page: list.page, pages })}</span>
          {list.page < pages && <Link to={pageLink(list.page + 1)}>{t('adminProviders.pagination.next')}</Link>}
        </nav>
      )}
    </div>
  );
}
