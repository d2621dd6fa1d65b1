import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseload } from '../../../api/caseload.ts';
import { useWorkspace } from '../../../api/workspace.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { browserTimeZone } from '../../../time/formatting.ts';
import { Spinner, StatusMessage } from '../../../ui/index.ts';
import { LoadFailed } from '../../LoadFailed.tsx';
import { ClientCard } from './ClientCard.tsx';
import './caseload.css';

/** The provider's current clients (PRODUCT §2.2): open messaging sessions to close, live sessions to settle. */
export function CaseloadPage() {
  const { t } = useTranslation();
  usePageTitle('caseload.heading');
  const caseload = useCaseload();
  // Times are shown in the provider's own time zone, as their availability is.
  const timeZone = useWorkspace().data?.profile.timeZone ?? browserTimeZone();
  const [message, setMessage] = useState<string | null>(null);

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('caseload.heading')}</h1>
        <p className="lead">{t('caseload.lead')}</p>
      </div>
      <StatusMessage message={message} />
      {caseload.isError && (
        <LoadFailed failure={caseload.error} onRetry={() => void caseload.refetch()} what="caseload.loadFailed" asPage={false} />
      )}
      {caseload.isPending && <Spinner />}
      {caseload.data?.clients.length === 0 && <p>{t('caseload.empty')}</p>}
      {caseload.data && caseload.data.clients.length > 0 && (
        <div className="caseload">
          {caseload.data.clients.map((client) => (
            <ClientCard key={client.clientId} client={client} timeZone={timeZone} onChanged={setMessage} />
          ))}
        </div>
      )}
    </div>
  );
}
