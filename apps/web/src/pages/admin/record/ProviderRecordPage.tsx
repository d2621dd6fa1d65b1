import type { Licence } from '@haven/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useProviderRecord } from '../../../api/operations.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { Spinner, StatusMessage } from '../../../ui/index.ts';
import { ProviderStatusBadge } from '../../../vocabulary/StatusBadges.tsx';
import { LicenceDecision } from '../../licences/LicenceDecision.tsx';
import { LicenceTable } from '../../licences/LicenceTable.tsx';
import { LoadFailed } from '../../LoadFailed.tsx';
import { AuditTrail } from './AuditTrail.tsx';
import { AvailabilitySummary } from './AvailabilitySummary.tsx';
import { ProfileFacts } from './ProfileFacts.tsx';
import { StatusPanel } from './StatusPanel.tsx';
import { TwoStepPanel } from './TwoStepPanel.tsx';

export function ProviderRecordPage() {
  const { t } = useTranslation();
  usePageTitle('titles.adminProvider');
  const { providerId = '' } = useParams();
  const record = useProviderRecord(providerId);
  const [decided, setDecided] = useState<string | null>(null);

  if (record.isError) {
    return <LoadFailed failure={record.error} onRetry={() => void record.refetch()} what="adminProvider.loadFailed" />;
  }
  if (!record.data) return <Spinner />;
  const { profile, licences } = record.data;
  const decision = (licence: Licence) => licence.status === 'pending' && <LicenceDecision licence={licence} onDecided={setDecided} />;

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{`${profile.firstName} ${profile.lastName}`}</h1>
        <p>
          <ProviderStatusBadge status={profile.status} /> {profile.email}
        </p>
        <p>
          <Link to={`/providers/${profile.id}`}>{t('adminProvider.publicProfile')}</Link>
        </p>
      </div>
      <StatusPanel record={record.data} />
      <TwoStepPanel record={record.data} />
      <section className="form__section" aria-labelledby="record-licences">
        <h2 id="record-licences">{t('adminProvider.licences')}</h2>
        <StatusMessage message={decided} />
        <LicenceTable
          caption={t('adminProvider.licencesCaption')}
          licences={licences}
          empty={t('adminProvider.noLicences')}
          actions={decision}
        />
      </section>
      <ProfileFacts profile={profile} />
      <AvailabilitySummary workspace={record.data} />
      <AuditTrail entries={record.data.audit} />
    </div>
  );
}
