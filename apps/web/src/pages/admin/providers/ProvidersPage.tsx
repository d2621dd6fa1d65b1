import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { searchParamsOf, useProviderList } from '../../../api/operations.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { Spinner } from '../../../ui/index.ts';
import { LoadFailed } from '../../LoadFailed.tsx';
import { ProviderSearch } from './ProviderSearch.tsx';
import { ProviderResults } from './ProviderResults.tsx';
import { queryFromSearch } from './providerQuery.ts';

export function ProvidersPage() {
  const { t } = useTranslation();
  usePageTitle('titles.adminProviders');
  const [searchParams, setSearchParams] = useSearchParams();
  const query = queryFromSearch(searchParams);
  const list = useProviderList(query);

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('adminProviders.heading')}</h1>
        <p className="lead">{t('adminProviders.lead')}</p>
      </div>
      <ProviderSearch query={query} onSearch={setSearchParams} />
      {list.isError && (
        <LoadFailed failure={list.error} onRetry={() => void list.refetch()} what="adminProviders.loadFailed" asPage={false} />
      )}
      {list.isPending && <Spinner />}
      {list.data && (
        <ProviderResults
          list={list.data}
          busy={list.isPlaceholderData}
          pageLink={(page) => `?${searchParamsOf({ ...query, page }).toString()}`}
        />
      )}
    </div>
  );
}
