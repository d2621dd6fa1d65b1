import { useTranslation } from 'react-i18next';
import { CoverageFields } from '../../plan/CoverageFields.tsx';
import { intakeFieldIds as ids } from '../intakeDraft.ts';
import type { IntakeStepProps } from './stepProps.ts';

/** How the client pays: a monthly plan, an organisation code, or a health plan. */
export function CoverageStep({ draft, update, errorFor }: IntakeStepProps) {
  const { t } = useTranslation();
  return (
    <CoverageFields
      ids={ids}
      draft={draft.coverage}
      onChange={(coverage) => update({ coverage })}
      errorFor={errorFor}
      legend={t('intake.coverage.legend')}
      careFormat={draft.careFormat}
    />
  );
}
