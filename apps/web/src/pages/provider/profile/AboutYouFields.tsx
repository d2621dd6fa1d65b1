import { Gender } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { CheckboxGroup, SelectField, TextField } from '../../../ui/index.ts';
import { profileFieldIds as ids, type ProfileSectionProps } from './profileDraft.ts';

function genderFrom(value: string): Gender | '' {
  const parsed = Gender.safeParse(value);
  return parsed.success ? parsed.data : '';
}

export function AboutYouFields({ draft, update, errorFor }: ProfileSectionProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();

  return (
    <section className="form__section" aria-labelledby="profile-about-heading">
      <h2 id="profile-about-heading">{t('providerProfile.about.heading')}</h2>
      <div className="form__row">
        <TextField
          id={ids.firstName}
          label={t('fields.firstName.label')}
          autoComplete="given-name"
          value={draft.firstName}
          onChange={(event) => update({ firstName: event.currentTarget.value })}
          error={errorFor('firstName')}
        />
        <TextField
          id={ids.lastName}
          label={t('fields.lastName.label')}
          autoComplete="family-name"
          value={draft.lastName}
          onChange={(event) => update({ lastName: event.currentTarget.value })}
          error={errorFor('lastName')}
        />
      </div>
      <div className="form__row">
        <TextField
          id={ids.pronouns}
          label={t('providerProfile.about.pronouns')}
          hint={t('providerProfile.about.pronounsHint')}
          value={draft.pronouns}
          onChange={(event) => update({ pronouns: event.currentTarget.value })}
          error={errorFor('pronouns')}
        />
        <SelectField
          id={ids.gender}
          label={t('providerProfile.about.gender')}
          hint={t('providerProfile.about.genderHint')}
          value={draft.gender}
          onChange={(event) => update({ gender: genderFrom(event.currentTarget.value) })}
          error={errorFor('gender')}
        >
          <option value="">{t('form.choose')}</option>
          {vocabulary.choices.genders.map((gender) => (
            <option key={gender.value} value={gender.value}>
              {gender.label}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxGroup
        id={ids.credentials}
        legend={t('providerProfile.about.credentials')}
        choices={vocabulary.choices.credentials}
        selected={draft.credentials}
        onChange={(credentials) => update({ credentials })}
        error={errorFor('credentials')}
        columns
      />
      <div className="form__row">
        <TextField
          id={ids.yearsExperience}
          label={t('providerProfile.about.yearsExperience')}
          inputMode="numeric"
          value={draft.yearsExperience}
          onChange={(event) => update({ yearsExperience: event.currentTarget.value })}
          error={errorFor('yearsExperience')}
        />
        <TextField
          id={ids.npi}
          label={t('providerProfile.about.npi')}
          hint={t('providerProfile.about.npiHint')}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={12}
          value={draft.npi}
          onChange={(event) => update({ npi: event.currentTarget.value })}
          error={errorFor('npi')}
        />
      </div>
    </section>
  );
}
