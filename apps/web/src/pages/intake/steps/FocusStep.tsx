import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../ui/index.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { intakeFieldIds as ids } from '../intakeDraft.ts';
import type { IntakeStepProps } from './stepProps.ts';

export function FocusStep({ draft, update, errorFor }: IntakeStepProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();

  return (
    <CheckboxGroup
      id={ids.focusAreas}
      legend={t('intake.focus.legend')}
      hint={t('intake.focus.hint')}
      choices={vocabulary.choices.focusAreas}
      selected={draft.focusAreas}
      onChange={(focusAreas) => update({ focusAreas })}
      error={errorFor('focusAreas')}
      columns
    />
  );
}
