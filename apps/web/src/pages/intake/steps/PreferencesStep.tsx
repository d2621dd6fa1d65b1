import { careFormats, liveModalities, timesOfDay, type CareFormat, type Gender, type LiveModality, type TimeOfDay } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { describeTimeZone } from '../../../time/formatting.ts';
import { CheckboxGroup, RadioGroup, type Choice } from '../../../ui/index.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { intakeFieldIds as ids, wantsLive } from '../intakeDraft.ts';
import type { IntakeStepProps } from './stepProps.ts';

/** "Self-described" is how a provider may describe themselves; it is not something to ask for. */
const askableGenders = ['woman', 'man', 'nonbinary'] as const satisfies readonly Gender[];

export function PreferencesStep({ draft, update, errorFor }: IntakeStepProps) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();

  const genderChoices: Choice<Gender | 'none'>[] = [
    { value: 'none', label: t('intake.preferences.noPreference') },
    ...askableGenders.map((gender) => ({ value: gender, label: vocabulary.gender(gender) })),
  ];
  const formatChoices = careFormats.map((format): Choice<CareFormat> => ({
    value: format,
    label: t(`intake.preferences.format.${format}`),
    description: t(`intake.preferences.format.${format}Description`),
  }));
  const modalityChoices = liveModalities.map((modality): Choice<LiveModality> => ({
    value: modality,
    label: t(`intake.preferences.modality.${modality}`),
  }));
  const timeChoices = timesOfDay.map((time): Choice<TimeOfDay> => ({ value: time, label: t(`intake.preferences.time.${time}`) }));

  return (
    <>
      <RadioGroup
        id={ids.careFormat}
        legend={t('intake.preferences.careFormat')}
        hint={t('intake.preferences.careFormatHint')}
        choices={formatChoices}
        value={draft.careFormat}
        onChange={(careFormat) => update({ careFormat })}
        error={errorFor('careFormat')}
      />
      {wantsLive(draft) && (
        <RadioGroup
          id={ids.liveModality}
          legend={t('intake.preferences.liveModality')}
          choices={modalityChoices}
          value={draft.liveModality}
          onChange={(liveModality) => update({ liveModality })}
          error={errorFor('liveModality')}
        />
      )}
      <CheckboxGroup
        id={ids.preferredTimes}
        legend={t('intake.preferences.times')}
        hint={t('intake.preferences.timesHint', { zone: describeTimeZone(draft.timeZone, i18n.language) })}
        choices={timeChoices}
        selected={draft.preferredTimes}
        onChange={(preferredTimes) => update({ preferredTimes })}
        error={errorFor('preferredTimes')}
      />
      <RadioGroup
        id={ids.providerGender}
        legend={t('intake.preferences.gender')}
        choices={genderChoices}
        value={draft.providerGender}
        onChange={(providerGender) => update({ providerGender })}
        error={errorFor('providerGender')}
      />
      <CheckboxGroup
        id={ids.approaches}
        legend={t('intake.preferences.approaches')}
        hint={t('intake.preferences.approachesHint')}
        choices={vocabulary.choices.approaches}
        selected={draft.approaches}
        onChange={(approaches) => update({ approaches })}
        error={errorFor('approaches')}
        columns
      />
    </>
  );
}
