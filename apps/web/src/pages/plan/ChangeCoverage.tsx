import type { CoverageState } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeCoverage } from '../../api/coverage.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFormProblem } from '../../forms/useFormProblem.ts';
import { Button } from '../../ui/index.ts';
import { checkCoverage, emptyCoverageDraft, problemsFromCoverageInvalid, type CoverageDraft, type CoverageField } from './coverageDraft.ts';
import { CoverageFields } from './CoverageFields.tsx';

const fieldIds: Record<CoverageField, string> = {
  coverageKind: 'plan-coverage-kind',
  directPlan: 'plan-direct-plan',
  eapCode: 'plan-eap-code',
  healthPlanId: 'plan-health-plan',
  memberId: 'plan-member-id',
};

type ChangeCoverageProps = { state: CoverageState; onChanged: (message: string) => void };

/** Moving to another way to pay, e.g. a health plan once an organisation's sessions are used up. */
export function ChangeCoverage({ state, onChanged }: ChangeCoverageProps) {
  const { t } = useTranslation();
  const changeCoverage = useChangeCoverage();
  const chosen = state.coverage !== null;
  const [open, setOpen] = useState(!chosen);
  const [draft, setDraft] = useState<CoverageDraft>(emptyCoverageDraft);
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<CoverageField>();

  function close() {
    setOpen(false);
    setDraft(emptyCoverageDraft);
    clear();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (changeCoverage.isPending) return;
    const checked = checkCoverage(draft);
    if (!checked.ok) {
      report({ fields: checked.problems });
      return;
    }
    clear();
    changeCoverage.mutate(
      { coverage: checked.choice },
      {
        onSuccess: () => {
          close();
          onChanged(t(`plan.switch.done.${checked.choice.kind}`));
        },
        onError: (failure) => {
          const fields = failure.code === 'coverage_invalid' ? problemsFromCoverageInvalid(failure.issues) : {};
          report(Object.keys(fields).length > 0 ? { fields } : { fields, general: { key: `errors.${failure.code}` } });
        },
      },
    );
  }

  return (
    <section className="care__section" aria-labelledby="plan-switch-heading">
      <h2 id="plan-switch-heading">{chosen ? t('plan.switch.heading') : t('plan.switch.chooseHeading')}</h2>
      <p>{chosen ? t('plan.switch.lead') : t('plan.switch.chooseLead')}</p>
      {!open ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('plan.switch.open')}
        </Button>
      ) : (
        <form className="form care__form" noValidate onSubmit={handleSubmit}>
          {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
          <CoverageFields ids={fieldIds} draft={draft} onChange={setDraft} errorFor={errorFor} legend={t('plan.switch.legend')} />
          <div className="form__actions">
            <Button type="submit" loading={changeCoverage.isPending}>
              {t('plan.switch.submit')}
            </Button>
            {chosen && (
              <Button variant="quiet" onClick={close}>
                {t('plan.switch.cancel')}
              </Button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
