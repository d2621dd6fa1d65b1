import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../api/workspace.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { Spinner } from '../../../ui/index.ts';
import { LoadFailed } from '../../LoadFailed.tsx';
import { PhotoUpload } from './PhotoUpload.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { ReadinessPanel } from './ReadinessPanel.tsx';
import './ProfilePage.css';

export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle('titles.providerProfile');
  const workspace = useWorkspace();

  if (workspace.isError) {
    return <LoadFailed failure={workspace.error} onRetry={() => void workspace.refetch()} what="provider.loadFailed" />;
  }
  if (!workspace.data) return <Spinner />;
  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('providerProfile.heading')}</h1>
        <p className="lead">{t('providerProfile.lead')}</p>
      </div>
      <ReadinessPanel workspace={workspace.data} />
      <ProfileForm profile={workspace.data.profile} />
      <PhotoUpload profile={workspace.data.profile} />
    </div>
  );
}
