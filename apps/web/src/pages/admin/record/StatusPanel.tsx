import { StatusChangeRequest, type ProviderRecord } from '@haven/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActivateProvider, useDeactivateProvider } from '../../../api/operations.ts';
import { Alert, Button, StatusMessage } from '../../../ui/index.ts';
import { ProviderStatusBadge } from '../../../vocabulary/StatusBadges.tsx';
import { ReasonForm } from './ReasonForm.tsx';

/** Readiness, and the controls that put a provider in front of clients or take them away. */
export function StatusPanel({ record }: { record: ProviderRecord }) {
  const { t } = useTranslation();
  const activate = useActivateProvider();
  const deactivate = useDeactivateProvider();
  const [changed, setChanged] = useState<string | null>(null);
  const { profile, readiness, statusReason } = record;
  const failure = activate.error ?? deactivate.error;
  const active = profile.status === 'active';

  function handleActivate() {
    deactivate.reset();
    activate.mutate(profile.id, { onSuccess: () => setChanged(t('adminProvider.status.activated')) });
  }

  return (
    <section className="form__section" aria-labelledby="record-status">
      <h2 id="record-status">{t('adminProvider.status.heading')}</h2>
      <p>
        {t('readiness.statusLabel')} <ProviderStatusBadge status={profile.status} />
      </p>
      {statusReason && <p>{t('adminProvider.status.reason', { reason: statusReason })}</p>}
      {readiness.missing.length > 0 && (
        <div id="activation-missing">
          <p>{t(active ? 'adminProvider.status.attentionLead' : 'adminProvider.status.missingLead')}</p>
          <ul className="plain-list">
            {readiness.missing.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      )}
      <StatusMessage message={changed} />
      {failure && <Alert tone="error">{t(`errors.${failure.code}`)}</Alert>}
      {!active && (
        <div className="stack">
          <Button
            loading={activate.isPending}
            disabled={!readiness.canActivate}
            aria-describedby={readiness.canActivate ? undefined : 'activation-blocked'}
            onClick={handleActivate}
          >
            {t('adminProvider.status.activate')}
          </Button>
          {!readiness.canActivate && (
            <p id="activation-blocked" className="muted">
              {t('adminProvider.status.cannotActivate')}
            </p>
          )}
        </div>
      )}
      {active && (
        <ReasonForm
          id="deactivate-reason"
          schema={StatusChangeRequest}
          invalid="validation.deactivation.reason"
          label={t('adminProvider.status.deactivateReason')}
          hint={t('adminProvider.status.deactivateHint')}
          action={t('adminProvider.status.deactivate')}
          pending={deactivate.isPending}
          onSubmit={(body, clear) => {
            activate.reset();
            deactivate.mutate(
              { providerId: profile.id, body },
              {
                onSuccess: () => {
                  clear();
                  setChanged(t('adminProvider.status.deactivated'));
                },
              },
            );
          }}
        />
      )}
    </section>
  );
}
