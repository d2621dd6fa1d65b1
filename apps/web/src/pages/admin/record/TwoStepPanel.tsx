import { MfaResetRequest, type ProviderRecord } from '@haven/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResetTwoStep } from '../../../api/operations.ts';
import { Alert, StatusMessage } from '../../../ui/index.ts';
import { ReasonForm } from './ReasonForm.tsx';

/**
 * A provider who lost their authenticator gets back in through an operator: the reset is kept in the
 * audit trail with its reason, ends their sign-ins, and emails them; they set two-step up again.
 */
export function TwoStepPanel({ record }: { record: ProviderRecord }) {
  const { t } = useTranslation();
  const reset = useResetTwoStep();
  const [done, setDone] = useState<string | null>(null);
  const { account, profile } = record;
  if (!account) return null;

  return (
    <section className="form__section" aria-labelledby="record-two-step">
      <h2 id="record-two-step">{t('adminProvider.twoStep.heading')}</h2>
      <p>{t(account.twoStep ? 'adminProvider.twoStep.on' : 'adminProvider.twoStep.off')}</p>
      <StatusMessage message={done} />
      {reset.error && <Alert tone="error">{t(`errors.${reset.error.code}`)}</Alert>}
      {account.twoStep && (
        <ReasonForm
          id="two-step-reset-reason"
          schema={MfaResetRequest}
          invalid="validation.mfaReset.reason"
          label={t('adminProvider.twoStep.reason')}
          hint={t('adminProvider.twoStep.hint')}
          action={t('adminProvider.twoStep.reset')}
          pending={reset.isPending}
          onSubmit={(body, clear) =>
            reset.mutate(
              { userId: account.userId, providerId: profile.id, body },
              {
                onSuccess: () => {
                  clear();
                  setDone(t('adminProvider.twoStep.resetDone'));
                },
              },
            )
          }
        />
      )}
    </section>
  );
}
