import type { LicenceQueue } from '@haven/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLicenceQueue } from '../../api/operations.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { DataTable, Spinner, StatusMessage, type DataTableColumn } from '../../ui/index.ts';
import { useVocabulary } from '../../vocabulary/useVocabulary.ts';
import { LicenceDecision } from '../licences/LicenceDecision.tsx';
import { licenceColumns } from '../licences/LicenceTable.tsx';
import { LoadFailed } from '../LoadFailed.tsx';

export function LicenceQueuePage() {
  const { t } = useTranslation();
  usePageTitle('titles.adminLicences');
  const vocabulary = useVocabulary();
  const queue = useLicenceQueue();
  const [message, setMessage] = useState<string | null>(null);
  const columns: DataTableColumn<LicenceQueue['licences'][number]>[] = [
    {
      key: 'provider',
      header: t('licenceQueue.provider'),
      rowHeader: true,
      cell: (licence) => <Link to={`/admin/providers/${licence.providerId}`}>{licence.providerName}</Link>,
    },
    ...licenceColumns<LicenceQueue['licences'][number]>(t, vocabulary, false),
    {
      key: 'actions',
      header: t('licences.columns.actions'),
      cell: (licence) => (
        <div className="table__actions decision">
          <LicenceDecision licence={licence} onDecided={setMessage} />
        </div>
      ),
    },
  ];

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('licenceQueue.heading')}</h1>
        <p className="lead">{t('licenceQueue.lead')}</p>
      </div>
      <StatusMessage message={message} />
      {queue.isError && (
        <LoadFailed failure={queue.error} onRetry={() => void queue.refetch()} what="licenceQueue.loadFailed" asPage={false} />
      )}
      {queue.isPending && <Spinner />}
      {queue.data && (
        <DataTable
          caption={t('licenceQueue.caption', { count: queue.data.licences.length })}
          columns={columns}
          rows={queue.data.licences}
          rowKey={(licence) => licence.id}
          empty={t('licenceQueue.empty')}
        />
      )}
    </div>
  );
}
