import type { FirstSessionChoice, IntakeState, IntakeStep } from '@haven/contract';
import { useQueryClient } from '@tanstack/react-query';
import type { ParseKeys } from 'i18next';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { intakeQueryKey, useSaveIntake, useSubmitIntake } from '../../api/care.ts';
import type { ApiFailure } from '../../api/client.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFormProblem } from '../../forms/useFormProblem.ts';
import { browserTimeZone } from '../../time/formatting.ts';
import { Button } from '../../ui/index.ts';
import { CrisisResources } from '../crisis/CrisisResources.tsx';
import { problemsFromCoverageInvalid } from '../plan/coverageDraft.ts';
import { IncompleteSteps } from './IncompleteSteps.tsx';
import {
  checkStep,
  draftFromAnswers,
  intakeFieldIds,
  isUnderAge,
  needsCrisisResources,
  problemFromIssues,
  resumeStep,
  stepsFor,
  stepsOfIssues,
  todayIn,
  type IntakeDraft,
  type IntakeField,
} from './intakeDraft.ts';
import { IntakeProgress } from './IntakeProgress.tsx';
import { StepFields } from './StepFields.tsx';
import { UnderAgeNotice } from './UnderAgeNotice.tsx';

const stepText: Record<IntakeStep, { heading: ParseKeys; lead: ParseKeys }> = {
  about: { heading: 'intake.about.heading', lead: 'intake.about.lead' },
  languages: { heading: 'intake.languages.heading', lead: 'intake.languages.lead' },
  focus: { heading: 'intake.focus.heading', lead: 'intake.focus.lead' },
  preferences: { heading: 'intake.preferences.heading', lead: 'intake.preferences.lead' },
  phq9: { heading: 'intake.phq9.heading', lead: 'intake.phq9.lead' },
  gad7: { heading: 'intake.gad7.heading', lead: 'intake.gad7.lead' },
  coverage: { heading: 'intake.coverage.heading', lead: 'intake.coverage.lead' },
  consent: { heading: 'intake.consent.heading', lead: 'intake.consent.lead' },
  first_session: { heading: 'intake.firstSession.heading', lead: 'intake.firstSession.lead' },
};

/** One step a screen; each step is saved as the client continues, so the intake resumes where it was left. */
export function IntakeWizard({ intake }: { intake: IntakeState }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = useSaveIntake();
  const saveCrisis = useSaveIntake();
  const submit = useSubmitIntake();
  const [draft, setDraft] = useState<IntakeDraft>(() => draftFromAnswers(intake.answers, browserTimeZone()));
  const [step, setStep] = useState<IntakeStep>(() => resumeStep(intake.step, draft));
  const [underAge, setUnderAge] = useState(false);
  const [incomplete, setIncomplete] = useState<IntakeStep[]>([]);
  const [firstSession, setFirstSession] = useState<FirstSessionChoice | null>(null);
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<IntakeField>();
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);

  const steps = stepsFor(draft);
  const index = steps.indexOf(step);
  const next = steps[index + 1];
  const previous = steps[index - 1];
  const crisisNow = needsCrisisResources(draft);
  const busy = save.isPending || submit.isPending;

  // A new step is a new screen: its heading takes focus, as a new page's would.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    window.scrollTo({ top: 0 });
    heading.current?.focus();
  }, [step]);

  function update(change: Partial<IntakeDraft>) {
    setDraft((current) => ({ ...current, ...change }));
  }

  function goTo(target: IntakeStep) {
    clear();
    setUnderAge(false);
    setIncomplete([]);
    setStep(target);
  }

  function reportFailure(failure: ApiFailure) {
    if (failure.code === 'under_age') {
      clear();
      setUnderAge(true);
      return;
    }
    if (failure.code === 'intake_incomplete') setIncomplete(stepsOfIssues(failure.issues.map((issue) => issue.field)));
    if (failure.code === 'slot_taken') void queryClient.invalidateQueries({ queryKey: intakeQueryKey });
    if (failure.code === 'validation_failed') report(problemFromIssues(failure.issues.map((issue) => issue.field)));
    else if (failure.code === 'coverage_invalid') reportCoverageInvalid(failure);
    else report({ fields: {}, general: { key: `errors.${failure.code}` } });
  }

  /** A refused code or member ID is said at its field; refused at submission, the client is taken back to it. */
  function reportCoverageInvalid(failure: ApiFailure) {
    const fields = problemsFromCoverageInvalid(failure.issues);
    if (step !== 'coverage') setStep('coverage');
    report(Object.keys(fields).length > 0 ? { fields } : { fields, general: { key: 'errors.coverage_invalid' } });
  }

  function finish() {
    submit.mutate(
      { firstSession },
      {
        onSuccess: () => void navigate('/care', { replace: true }),
        onError: reportFailure,
      },
    );
  }

  function handleContinue(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (step === 'first_session') {
      finish();
      return;
    }
    const today = todayIn(draft.timeZone || browserTimeZone());
    const checked = checkStep(step, draft, today);
    if (!checked.ok) {
      report(checked.problem);
      return;
    }
    if (checked.answers.dateOfBirth && isUnderAge(checked.answers.dateOfBirth, today)) {
      clear();
      setUnderAge(true);
      return;
    }
    clear();
    setUnderAge(false);
    save.mutate(
      { step: next ?? step, answers: checked.answers },
      {
        onSuccess: () => (next ? goTo(next) : finish()),
        onError: reportFailure,
      },
    );
  }

  /** "I am in crisis" is saved the moment it is ticked, so a clinician hears of it even if the tab closes. */
  function saveCrisisAnswer() {
    saveCrisis.mutate({ step, answers: { inCrisis: true } });
  }

  const text = stepText[step];
  const lastLabel = firstSession ? t('intake.firstSession.submitBook') : t('intake.submit');
  return (
    <div className="intake">
      <IntakeProgress steps={steps} current={step} />
      <div className="intake__intro">
        <h1 ref={heading} tabIndex={-1}>
          {t(text.heading)}
        </h1>
        <p className="lead">{t(text.lead)}</p>
      </div>
      {crisisNow && step === 'phq9' ? <CrisisResources urgent /> : (crisisNow || intake.showCrisisResources) && <CrisisResources />}
      {underAge && <UnderAgeNotice />}
      {problem && <ErrorSummary problem={problem} fieldIds={intakeFieldIds} ref={summaryRef} />}
      {incomplete.length > 0 && <IncompleteSteps steps={incomplete} onGoTo={goTo} />}
      <form className="form intake__form" noValidate onSubmit={handleContinue}>
        <StepFields
          step={step}
          fields={{ draft, update, errorFor }}
          onCrisis={saveCrisisAnswer}
          firstSession={firstSession}
          onChooseFirstSession={setFirstSession}
        />
        <div className="form__actions">
          <Button type="submit" loading={busy}>
            {next ? t('intake.continue') : lastLabel}
          </Button>
          {previous && (
            <Button variant="secondary" onClick={() => goTo(previous)}>
              {t('intake.back')}
            </Button>
          )}
        </div>
        <p className="muted">{t('intake.savedDraft')}</p>
      </form>
    </div>
  );
}
