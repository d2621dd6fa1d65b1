import { HealthPlanInput } from '@haven/contract';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddHealthPlan } from '../../../api/partnersOps.ts';
import { dollarsFieldToCents } from '../../../money/money.ts';
import { ErrorSummary } from '../../../forms/ErrorSummary.tsx';
import { checkWith, problemFromApi, type FieldMessages } from '../../../forms/fieldMessages.ts';
import { useDraft } from '../../../forms/useDraft.ts';
import { Button, TextField } from '../../../ui/index.ts';

type HealthPlanField = 'name' | 'payerId' | 'sessionRateCents';

const fieldIds: Record<HealthPlanField, string> = {
  name: 'health-plan-name',
  payerId: 'health-plan-payer',
  sessionRateCents: 'health-plan-rate',
};
const messages: FieldMessages<HealthPlanField> = {
  name: 'partnersOps.validation.healthPlanName',
  payerId: 'partnersOps.validation.payerId',
  sessionRateCents: 'partnersOps.validation.sessionRate',
};
const emptyDraft: Record<HealthPlanField, string> = { name: '', payerId: '', sessionRateCents: '' };

/** A new health plan clients can choose, identified by its payer ID; the rate is what one session costs. */
export function AddHealthPlanForm({ onAdded }: { onAdded: (message: string) => void }) {
  const { t } = useTranslation();
  const add = useAddHealthPlan();
  const { draft, change, reset, problem, summaryRef, errorFor, report, clear } = useDraft(emptyDraft);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const values = {
      name: draft.name,
      payerId: draft.payerId.trim().toUpperCase(),
      sessionRateCents: dollarsFieldToCents(draft.sessionRateCents),
    };
    const checked = checkWith(HealthPlanInput, values, messages);
    if (!checked.ok) return report(checked.problem);
    clear();
    add.mutate(checked.data, {
      onSuccess: () => {
        reset();
        onAdded(t('partnersOps.healthPlans.added', { name: checked.data.name }));
      },
      onError: (failure) =>
        report(
          failure.code === 'conflict'
            ? { fields: { payerId: { key: 'partnersOps.validation.payerTaken' } } }
            : problemFromApi(failure, messages),
        ),
    });
  }

  return (
    <form className="form form__section" noValidate onSubmit={submit} aria-labelledby="add-health-plan-heading">
      <h3 id="add-health-plan-heading">{t('partnersOps.healthPlans.addHeading')}</h3>
      {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
      <TextField
        id={fieldIds.name}
        label={t('partnersOps.healthPlans.name')}
        autoComplete="off"
        maxLength={200}
        value={draft.name}
        onChange={change('name')}
        error={errorFor('name')}
      />
      <div className="form__row">
        <TextField
          id={fieldIds.payerId}
          label={t('partnersOps.healthPlans.payerId')}
          hint={t('partnersOps.healthPlans.payerIdHint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={10}
          value={draft.payerId}
          onChange={change('payerId')}
          error={errorFor('payerId')}
        />
        <TextField
          id={fieldIds.sessionRateCents}
          label={t('partnersOps.healthPlans.sessionRate')}
          hint={t('partnersOps.healthPlans.sessionRateHint')}
          inputMode="decimal"
          value={draft.sessionRateCents}
          onChange={change('sessionRateCents')}
          error={errorFor('sessionRateCents')}
        />
      </div>
      <div className="form__actions">
        <Button type="submit" loading={add.isPending}>
          {t('partnersOps.healthPlans.add')}
        </Button>
      </div>
    </form>
  );
}
