import { StatusChangeRequest, type ProviderRecord } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useActivateProvider, useDeactivateProvider } from '../../../api/operations.ts';
import { checkWith } from '../../../forms/fieldMessages.ts';
import { Alert, Button, StatusMessage, TextAreaField } from '../../../ui/index.ts';
import { ProviderStatusBadge } from '../../../vocabulary/StatusBadges.tsx';

/** Readiness, and the controls that put a provider in front of clients or take them away. */
export function StatusPanel({ record }: { record: ProviderRecord }) {
  const { t } = useTranslation();
  const activate = useActivateProvider();
  const deactivate = useDeactivateProvider();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [changed, setChanged] = useState<string | null>(null);
  const { profile, readiness, statusReason } = record;
  const failure = activate.error ?? deactivate.error;
  const active = profile.status === 'active';

  function handleDeactivate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (deactivate.isPending) return;
    const checked = checkWith(StatusChangeRequest, { reason }, { reason: 'validation.deactivation.reason' });
    if (!checked.ok) {
      setReasonError(t('validation.deactivation.reason'));
      document.getElementById('deactivate-reason')?.focus();
      return;
    }
    setReasonError(undefined);
    activate.reset();
    deactivate.mutate(
      { providerId: profile.id, body: checked.data },
      {
        onSuccess: () => {
          setReason('');
          setChanged(t('adminProvider.status.deactivated'));
        },
      },
    );
  }

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
        <form className="form" noValidate onSubmit={handleDeactivate}>
          <TextAreaField
            id="deactivate-reason"
            label={t('adminProvider.status.deactivateReason')}
            hint={t('adminProvider.status.deactivateHint')}
            value={reason}
            rows={3}
            maxLength={500}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={reasonError}
          />
          <div className="form__actions">
            <Button type="submit" variant="secondary" loading={deactivate.isPending}>
              {t('adminProvider.status.deactivate')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
