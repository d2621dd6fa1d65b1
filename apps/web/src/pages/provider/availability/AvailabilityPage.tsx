import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../api/workspace.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { describeTimeZone } from '../../../time/formatting.ts';
import { Spinner } from '../../../ui/index.ts';
import { LoadFailed } from '../../LoadFailed.tsx';
import { AvailabilityForm } from './AvailabilityForm.tsx';
import { SlotPreview } from './SlotPreview.tsx';
import { TimeOffSection } from './TimeOffSection.tsx';
import './AvailabilityPage.css';

/** The length previewed: the usual 50 minutes when offered, else the first length offered. */
function previewLength(lengths: readonly number[]): number {
  return lengths.includes(50) ? 50 : (lengths[0] ?? 50);
}

export function AvailabilityPage() {
  const { t, i18n } = useTranslation();
  usePageTitle('titles.providerAvailability');
  const workspace = useWorkspace();

  if (workspace.isError) {
    return <LoadFailed failure={workspace.error} onRetry={() => void workspace.refetch()} what="provider.loadFailed" />;
  }
  if (!workspace.data) return <Spinner />;
  const { profile, availability, timeOff } = workspace.data;
  const zoneName = profile.timeZone ? describeTimeZone(profile.timeZone, i18n.language) : t('availability.noTimeZone');

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('availability.heading')}</h1>
        <p className="lead">{t('availability.lead')}</p>
      </div>
      <AvailabilityForm availability={availability} zoneName={zoneName} />
      <TimeOffSection timeOff={timeOff} timeZone={profile.timeZone} zoneName={zoneName} />
      <SlotPreview providerId={profile.id} length={previewLength(availability.sessionLengths)} />
    </div>
  );
}
