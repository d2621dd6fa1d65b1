import { useTranslation } from 'react-i18next';
import { CheckboxGroup, type Choice } from '../../../ui/index.ts';
import { LanguageChoices } from '../../../vocabulary/LanguageChoices.tsx';
import { commonLanguageCodes } from '../../../vocabulary/languages.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { intakeFieldIds as ids } from '../intakeDraft.ts';
import type { IntakeStepProps } from './stepProps.ts';

export function LanguagesStep({ draft, update, errorFor }: IntakeStepProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  // A language already required is not offered again as a preference.
  const offered = [...new Set<string>([...commonLanguageCodes, ...draft.preferredLanguages])].filter(
    (code) => !draft.requiredLanguages.includes(code),
  );
  const preferredChoices = offered.map((code): Choice<string> => ({ value: code, label: vocabulary.language(code) }));

  return (
    <>
      <LanguageChoices
        id={ids.requiredLanguages}
        legend={t('intake.languages.required')}
        hint={t('intake.languages.requiredHint')}
        selected={draft.requiredLanguages}
        onChange={(requiredLanguages) =>
          update({
            requiredLanguages,
            preferredLanguages: draft.preferredLanguages.filter((code) => !requiredLanguages.includes(code)),
          })
        }
        error={errorFor('requiredLanguages')}
      />
      <CheckboxGroup
        id={ids.preferredLanguages}
        legend={t('intake.languages.preferred')}
        hint={t('intake.languages.preferredHint')}
        choices={preferredChoices}
        selected={draft.preferredLanguages}
        onChange={(preferredLanguages) => update({ preferredLanguages })}
        error={errorFor('preferredLanguages')}
        columns
      />
    </>
  );
}
