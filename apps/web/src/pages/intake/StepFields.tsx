import type { FirstSessionChoice, IntakeStep } from '@haven/contract';
import { AboutStep } from './steps/AboutStep.tsx';
import { ConsentStep } from './steps/ConsentStep.tsx';
import { CoverageStep } from './steps/CoverageStep.tsx';
import { FirstSessionStep } from './steps/FirstSessionStep.tsx';
import { FocusStep } from './steps/FocusStep.tsx';
import { Gad7Step } from './steps/Gad7Step.tsx';
import { LanguagesStep } from './steps/LanguagesStep.tsx';
import { Phq9Step } from './steps/Phq9Step.tsx';
import { PreferencesStep } from './steps/PreferencesStep.tsx';
import type { IntakeStepProps } from './steps/stepProps.ts';

type StepFieldsProps = {
  step: IntakeStep;
  fields: IntakeStepProps;
  onCrisis: () => void;
  firstSession: FirstSessionChoice | null;
  onChooseFirstSession: (choice: FirstSessionChoice | null) => void;
};

/** The questions of one step. */
export function StepFields({ step, fields, onCrisis, firstSession, onChooseFirstSession }: StepFieldsProps) {
  switch (step) {
    case 'about':
      return <AboutStep {...fields} />;
    case 'languages':
      return <LanguagesStep {...fields} />;
    case 'focus':
      return <FocusStep {...fields} />;
    case 'preferences':
      return <PreferencesStep {...fields} />;
    case 'phq9':
      return <Phq9Step {...fields} onCrisis={onCrisis} />;
    case 'gad7':
      return <Gad7Step {...fields} />;
    case 'coverage':
      return <CoverageStep {...fields} />;
    case 'consent':
      return <ConsentStep {...fields} />;
    case 'first_session':
      return <FirstSessionStep timeZone={fields.draft.timeZone} choice={firstSession} onChoose={onChooseFirstSession} />;
    default:
      return step satisfies never;
  }
}
