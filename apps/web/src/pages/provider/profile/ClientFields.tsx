import { useTranslation } from 'react-i18next';
import { CheckboxGroup, TextField } from '../../../ui/index.ts';
import { LanguageChoices } from '../../../vocabulary/LanguageChoices.tsx';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { profileFieldIds as ids, type ProfileSectionProps } from './profileDraft.ts';

export function ClientFields({ draft, update, errorFor }: ProfileSectionProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();

  return (
    <section className="form__section" aria-labelledby="profile-clients-heading">
      <h2 id="profile-clients-heading">{t('providerProfile.clients.heading')}</h2>
      <LanguageChoices
        id={ids.languages}
        legend={t('providerProfile.clients.languages')}
        hint={t('providerProfile.clients.languagesHint')}
        selected={draft.languages}
        onChange={(languages) => update({ languages })}
        error={errorFor('languages')}
      />
      <CheckboxGroup
        id={ids.modalities}
        legend={t('providerProfile.clients.modalities')}
        choices={vocabulary.choices.modalities}
        selected={draft.modalities}
        onChange={(modalities) => update({ modalities })}
        error={errorFor('modalities')}
      />
      <CheckboxGroup
        id={ids.coverage}
        legend={t('providerProfile.clients.coverage')}
        choices={vocabulary.choices.coverage}
        selected={draft.coverage}
        onChange={(coverage) => update({ coverage })}
        error={errorFor('coverage')}
      />
      <TextField
        id={ids.capacity}
        className="form__short"
        label={t('providerProfile.clients.capacity')}
        hint={t('providerProfile.clients.capacityHint')}
        inputMode="numeric"
        value={draft.capacity}
        onChange={(event) => update({ capacity: event.currentTarget.value })}
        error={errorFor('capacity')}
      />
    </section>
  );
}
