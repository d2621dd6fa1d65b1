import type { IntakeStep } from '@haven/contract';
import { useTranslation } from 'react-i18next';

/** "Step 3 of 8" as text and as a bar, and on wider screens the list of steps with the current one marked. */
export function IntakeProgress({ steps, current }: { steps: readonly IntakeStep[]; current: IntakeStep }) {
  const { t } = useTranslation();
  const position = steps.indexOf(current) + 1;
  const text = t('intake.progress.step', { current: position, total: steps.length });

  return (
    <div className="intake-progress">
      <p id="intake-progress-text" className="intake-progress__text">
        {text}
      </p>
      <progress
        className="intake-progress__bar"
        max={steps.length}
        value={position}
        aria-label={t('intake.progress.label')}
        aria-valuetext={text}
      />
      <ol className="intake-progress__steps" aria-label={t('intake.progress.stepsLabel')}>
        {steps.map((step, index) => {
          const state = index + 1 < position ? 'done' : step === current ? 'current' : 'todo';
          return (
            <li
              key={step}
              className={`intake-progress__step intake-progress__step--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              {t(`intake.steps.${step}`)}
              {state !== 'todo' && <span className="visually-hidden"> {t(`intake.progress.${state}`)}</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
