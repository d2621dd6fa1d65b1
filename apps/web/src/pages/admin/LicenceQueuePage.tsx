import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLicenceQueue } from '../../api/operations.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { formatCalendarDate } from '../../time/formatting.ts';
import { Spinner, StatusMessage, TableScroll } from '../../ui/index.ts';
import { useVocabulary } from '../../vocabulary/useVocabulary.ts';
import { LicenceDecision } from '../licences/LicenceDecision.tsx';
import { licenceCellId } from '../licences/LicenceTable.tsx';
import { LoadFailed } from '../LoadFailed.tsx';

export function LicenceQueuePage() {
  const { t } = useTranslation();
  usePageTitle('titles.adminLicences');
  const vocabulary = useVocabulary();
  const queue = useLicenceQueue();
  const [message, setMessage] = useState<string | null>(null);
  const caption = t('licenceQueue.caption', { count: queue.data?.licences.length ?? 0 });

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
      {queue.data?.licences.length === 0 && <p>{t('licenceQueue.empty')}</p>}
      {queue.data && queue.data.licences.length > 0 && (
        <TableScroll label={caption}>
          <table className="table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('licenceQueue.provider')}</th>
                <th scope="col">{t('licences.columns.state')}</th>
                <th scope="col">{t('licences.columns.type')}</th>
                <th scope="col">{t('licences.columns.number')}</th>
                <th scope="col">{t('licences.columns.expires')}</th>
                <th scope="col">{t('licences.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.licences.map((licence) => (
                <tr key={licence.id}>
                  <th scope="row">
                    <Link to={`/admin/providers/${licence.providerId}`}>{licence.providerName}</Link>
                  </th>
                  <td id={licenceCellId(licence, 'state')}>{vocabulary.state(licence.state)}</td>
                  <td id={licenceCellId(licence, 'type')}>{licence.licenceType}</td>
                  <td id={licenceCellId(licence, 'number')}>{licence.number}</td>
                  <td>{formatCalendarDate(licence.expiresOn, vocabulary.locale)}</td>
                  <td>
                    <div className="table__actions decision">
                      <LicenceDecision licence={licence} onDecided={setMessage} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
