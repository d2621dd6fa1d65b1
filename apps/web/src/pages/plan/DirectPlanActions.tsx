import type { CoverageState, DirectPlan, DirectPlanChange } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeDirectPlan, useCoverageOptions } from '../../api/coverage.ts';
import { formatCalendarDate } from '../../time/formatting.ts';
import { Alert, Button, ConfirmButton, RadioGroup, type Choice } from '../../ui/index.ts';
import { usePlanWords } from './usePlanWords.ts';

type Direct = Extract<NonNullable<CoverageState['coverage']>, { kind: 'direct' }>;
type DirectPlanActionsProps = { coverage: Direct; onChanged: (message: string) => void };

/**
 * Change plan, pause, resume, or keep the plan a change was coming to; each says when it takes
 * effect before it is confirmed: changes and pauses at the next period, resuming at once.
 */
export function DirectPlanActions({ coverage, onChanged }: DirectPlanActionsProps) {
  const { t, i18n } = useTranslation();
  const plans = usePlanWords();
  const change = useChangeDirectPlan();
  const [choosing, setChoosing] = useState(false);
  const nextPeriod = formatCalendarDate(coverage.periodEnd, i18n.language);
  const current = plans.name(coverage.plan);
  const pending = coverage.pendingChange?.to ?? null;
  const paused = coverage.status === 'paused';

  function send(to: DirectPlanChange['to'], done: (state: CoverageState) => string) {
    change.mutate({ to }, { onSuccess: (state) => onChanged(done(state)) });
  }
  const effectiveOn = (state: CoverageState) =>
    formatCalendarDate(
      state.coverage?.kind === 'direct' ? (state.coverage.pendingChange?.effectiveOn ?? coverage.periodEnd) : coverage.periodEnd,
      i18n.language,
    );
  // Each ConfirmButton below has its own key: one replacing another must not inherit its open question.
  const confirmProps = { cancelLabel: t('plan.actions.cancel'), pending: change.isPending, onAsk: () => change.reset() };

  return (
    <div className="plan-actions">
      {change.isError && (
        <Alert tone="error">
          <p>{t(`errors.${change.error.code}`)}</p>
        </Alert>
      )}
      {choosing ? (
        <ChangePlanForm
          coverage={coverage}
          pending={change.isPending}
          onCancel={() => setChoosing(false)}
          onConfirm={(plan) =>
            send(plan, (state) => {
              setChoosing(false);
              return t('plan.actions.changed', { name: plans.name(plan), date: effectiveOn(state) });
            })
          }
        />
      ) : (
        <div className="form__actions">
          {paused ? (
            <ConfirmButton
              key="resume"
              {...confirmProps}
              variant="primary"
              label={t('plan.actions.resume')}
              question={t('plan.actions.resumeQuestion', { name: current, price: plans.perMonth(coverage.monthlyPriceCents) })}
              confirmLabel={t('plan.actions.confirmResume')}
              onConfirm={() => send('resume', () => t('plan.actions.resumed', { name: current }))}
            />
          ) : (
            <>
              {pending !== 'pause' && (
                <Button
                  variant="secondary"
                  onClick={() => {
                    change.reset();
                    setChoosing(true);
                  }}
                >
                  {t('plan.actions.change')}
                </Button>
              )}
              {pending === 'pause' ? (
                <ConfirmButton
                  key="keep-active"
                  {...confirmProps}
                  label={t('plan.actions.keepActive')}
                  question={t('plan.actions.keepActiveQuestion', { date: nextPeriod })}
                  confirmLabel={t('plan.actions.confirmKeepActive')}
                  onConfirm={() => send('resume', () => t('plan.actions.keptActive'))}
                />
              ) : (
                <ConfirmButton
                  key="pause"
                  {...confirmProps}
                  label={t('plan.actions.pause')}
                  question={t('plan.actions.pauseQuestion', { date: nextPeriod })}
                  confirmLabel={t('plan.actions.confirmPause')}
                  onConfirm={() => send('pause', (state) => t('plan.actions.pausing', { date: effectiveOn(state) }))}
                />
              )}
              {pending && pending !== 'pause' && pending !== 'resume' && (
                <ConfirmButton
                  key="keep"
                  {...confirmProps}
                  label={t('plan.actions.keep', { name: current })}
                  question={t('plan.actions.keepQuestion', { name: current, next: plans.name(pending) })}
                  confirmLabel={t('plan.actions.confirmKeep', { name: current })}
                  onConfirm={() => send(coverage.plan, () => t('plan.actions.kept', { name: current }))}
                />
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}

type ChangePlanFormProps = { coverage: Direct; pending: boolean; onCancel: () => void; onConfirm: (plan: DirectPlan) => void };

/** The other plans on offer; once one is chosen, the date it takes effect, then the confirmation. */
function ChangePlanForm({ coverage, pending, onCancel, onConfirm }: ChangePlanFormProps) {
  const { t, i18n } = useTranslation();
  const plans = usePlanWords();
  const options = useCoverageOptions();
  const [plan, setPlan] = useState<DirectPlan | null>(null);
  const [missing, setMissing] = useState(false);
  const others = (options.data?.plans ?? []).filter((offer) => offer.plan !== coverage.plan && offer.plan !== coverage.pendingChange?.to);
  const choices = others.map((offer): Choice<DirectPlan> => ({
    value: offer.plan,
    label: plans.nameAndPrice(offer),
    description: plans.includes(offer),
  }));
  const chosen = others.find((offer) => offer.plan === plan);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!plan) {
      setMissing(true);
      return;
    }
    onConfirm(plan);
  }

  return (
    <form className="form care__form coverage-fields" noValidate onSubmit={handleSubmit}>
      <RadioGroup
        id="plan-change-to"
        legend={t('plan.actions.choosePlan')}
        choices={choices}
        value={plan}
        onChange={(next) => {
          setPlan(next);
          setMissing(false);
        }}
        error={missing ? t('intake.coverage.validation.plan') : undefined}
      />
      {chosen && (
        <p className="plan-actions__effect">
          {t('plan.actions.changeQuestion', {
            name: plans.name(chosen.plan),
            price: plans.perMonth(chosen.monthlyPriceCents),
            date: formatCalendarDate(coverage.periodEnd, i18n.language),
            current: plans.name(coverage.plan),
          })}
        </p>
      )}
      <div className="form__actions">
        <Button type="submit" loading={pending}>
          {t('plan.actions.confirmChange')}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t('plan.actions.cancel')}
        </Button>
      </div>
    </form>
  );
}
