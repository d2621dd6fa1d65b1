import type { IntakeStep } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/index.ts';

/** The steps the API says still need answers, each a button back to it. */
export function IncompleteSteps({ steps, onGoTo }: { steps: readonly IntakeStep[]; onGoTo: (step: IntakeStep) => void }) {
  const { t } = useTranslation();
  return (
    <ul className="intake__incomplete">
      {steps.map((step) => (
        <li key={step}>
          <Button variant="secondary" onClick={() => onGoTo(step)}>
            {t('intake.goToStep', { step: t(`intake.steps.${step}`) })}
          </Button>
        </li>
      ))}
    </ul>
  );
}
