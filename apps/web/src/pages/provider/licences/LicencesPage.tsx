import type { Licence } from '@haven/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemoveLicence, useWorkspace } from '../../../api/workspace.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { Alert, Button, Spinner, StatusMessage } from '../../../ui/index.ts';
import { LicenceTable, licenceCellIds, useLicenceName } from '../../licences/LicenceTable.tsx';
import { LoadFailed } from '../../LoadFailed.tsx';
import { LicenceForm } from './LicenceForm.tsx';

const removable = (licence: Licence) => licence.status === 'pending' || licence.status === 'rejected';

export function LicencesPage() {
  const { t } = useTranslation();
  usePageTitle('titles.providerLicences');
  const workspace = useWorkspace();
  const remove = useRemoveLicence();
  const licenceName = useLicenceName();
  const [message, setMessage] = useState<string | null>(null);

  if (workspace.isError) {
    return <LoadFailed failure={workspace.error} onRetry={() => void workspace.refetch()} what="provider.loadFailed" />;
  }
  if (!workspace.data) return <Spinner />;
  const { licences } = workspace.data;

  function removeLicence(licence: Licence) {
    setMessage(null);
    remove.mutate(licence.id, {
      onSuccess: () => setMessage(t('licences.removed', { licence: licenceName(licence) })),
    });
  }

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('licences.heading')}</h1>
        <p className="lead">{t('licences.lead')}</p>
      </div>
      <StatusMessage message={message} />
      {remove.isError && <Alert tone="error">{t(`errors.${remove.error.code}`)}</Alert>}
      <LicenceTable
        caption={t('licences.caption')}
        licences={licences}
        empty={<p className="muted">{t('licences.empty')}</p>}
        actions={(licence) =>
          removable(licence) && (
            <Button
              variant="secondary"
              className="button--small"
              loading={remove.isPending && remove.variables === licence.id}
              onClick={() => removeLicence(licence)}
              aria-describedby={licenceCellIds(licence)}
            >
              {t('licences.remove')}
            </Button>
          )
        }
      />
      <LicenceForm />
    </div>
  );
}
