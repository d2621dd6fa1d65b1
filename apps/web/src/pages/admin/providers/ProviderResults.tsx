import type { ProviderList } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCalendarDate } from '../../../time/formatting.ts';
import { TableScroll } from '../../../ui/index.ts';
import { ProviderStatusBadge } from '../../../vocabulary/StatusBadges.tsx';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';

type ProviderResultsProps = {
  list: ProviderList;
  /** True while the next page is loading and the previous one is still shown. */
  busy: boolean;
  pageLink: (page: number) => string;
};

export function ProviderResults({ list, busy, pageLink }: ProviderResultsProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const caption = t('adminProviders.results.caption', { count: list.total });

  if (list.providers.length === 0) return <p>{t('adminProviders.results.empty')}</p>;
  return (
    <div className="stack" aria-busy={busy || undefined}>
      <TableScroll label={caption}>
        <table className="table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('adminProviders.results.name')}</th>
              <th scope="col">{t('adminProviders.results.status')}</th>
              <th scope="col">{t('adminProviders.results.credentials')}</th>
              <th scope="col">{t('adminProviders.results.states')}</th>
              <th scope="col">{t('adminProviders.results.pending')}</th>
              <th scope="col">{t('adminProviders.results.nextExpiry')}</th>
            </tr>
          </thead>
          <tbody>
            {list.providers.map((provider) => (
              <tr key={provider.id}>
                <th scope="row">
                  <Link to={`/admin/providers/${provider.id}`}>{`${provider.firstName} ${provider.lastName}`}</Link>
                  <span className="table__note">{provider.email}</span>
                </th>
                <td>
                  <ProviderStatusBadge status={provider.status} />
                </td>
                <td>{provider.credentials.join(', ') || t('common.none')}</td>
                <td>{provider.licensedStates.join(', ') || t('common.none')}</td>
                <td>{provider.pendingLicences}</td>
                <td>{provider.nextExpiry ? formatCalendarDate(provider.nextExpiry, vocabulary.locale) : t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
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
