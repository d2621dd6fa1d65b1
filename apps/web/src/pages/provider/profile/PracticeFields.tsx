import { useTranslation } from 'react-i18next';
import { CheckboxGroup, TextAreaField } from '../../../ui/index.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { profileFieldIds as ids, type ProfileSectionProps } from './profileDraft.ts';

export function PracticeFields({ draft, update, errorFor }: ProfileSectionProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();

  return (
    <section className="form__section" aria-labelledby="profile-practice-heading">
      <h2 id="profile-practice-heading">{t('providerProfile.practice.heading')}</h2>
      <CheckboxGroup
        id={ids.focusAreas}
        legend={t('providerProfile.practice.focusAreas')}
        hint={t('providerProfile.practice.focusAreasHint')}
        choices={vocabulary.choices.focusAreas}
        selected={draft.focusAreas}
        onChange={(focusAreas) => update({ focusAreas })}
        error={errorFor('focusAreas')}
        columns
      />
      <CheckboxGroup
        id={ids.approaches}
        legend={t('providerProfile.practice.approaches')}
        choices={vocabulary.choices.approaches}
        selected={draft.approaches}
        onChange={(approaches) => update({ approaches })}
        error={errorFor('approaches')}
        columns
      />
      <TextAreaField
        id={ids.approachStatement}
        label={t('providerProfile.practice.approachStatement')}
        hint={t('providerProfile.practice.approachStatementHint')}
        maxLength={2000}
        value={draft.approachStatement}
        onChange={(event) => update({ approachStatement: event.currentTarget.value })}
        error={errorFor('approachStatement')}
      />
    </section>
  );
}
