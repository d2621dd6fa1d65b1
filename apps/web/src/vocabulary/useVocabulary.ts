import {
  coverageKinds,
  credentials,
  focusAreas,
  genders,
  modalities,
  therapyApproaches,
  type CoverageKind,
  type Credential,
  type FocusArea,
  type Gender,
  type LicenceStatus,
  type Modality,
  type ProviderStatus,
  type TherapyApproach,
  type UsStateCode,
} from '@haven/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Choice } from '../ui/index.ts';

/** 0 = Sunday, as the contract counts them. */
export type WeekdayNumber = 0 | 1 | 2 | 3 | 4 | 5 | 6;
/** The order a week is shown in: Monday first. */
export const weekOrder: readonly WeekdayNumber[] = [1, 2, 3, 4, 5, 6, 0];

/** The words for every vocabulary value, in the reader's language. */
export function useVocabulary() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;

  return useMemo(() => {
    const languageNames = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    const label = {
      state: (code: UsStateCode) => t(`vocabulary.state.${code}`),
      focusArea: (area: FocusArea) => t(`vocabulary.focusArea.${area}`),
      approach: (approach: TherapyApproach) => t(`vocabulary.approach.${approach}`),
      credential: (credential: Credential) => t(`vocabulary.credential.${credential}`),
      credentialName: (credential: Credential) => t(`vocabulary.credentialName.${credential}`),
      modality: (modality: Modality) => t(`vocabulary.modality.${modality}`),
      coverage: (coverage: CoverageKind) => t(`vocabulary.coverage.${coverage}`),
      gender: (gender: Gender) => t(`vocabulary.gender.${gender}`),
      providerStatus: (status: ProviderStatus) => t(`vocabulary.providerStatus.${status}`),
      licenceStatus: (status: LicenceStatus) => t(`vocabulary.licenceStatus.${status}`),
      weekday: (weekday: WeekdayNumber) => t(`vocabulary.weekday.${weekday}`),
      language: (code: string) => languageNames.of(code) ?? code,
    };
    const choices = {
      focusAreas: focusAreas.map((value): Choice<FocusArea> => ({ value, label: label.focusArea(value) })),
      approaches: therapyApproaches.map((value): Choice<TherapyApproach> => ({ value, label: label.approach(value) })),
      credentials: credentials.map((value): Choice<Credential> => ({
        value,
        label: label.credential(value),
        description: label.credentialName(value),
      })),
      modalities: modalities.map((value): Choice<Modality> => ({ value, label: label.modality(value) })),
      coverage: coverageKinds.map((value): Choice<CoverageKind> => ({ value, label: label.coverage(value) })),
      genders: genders.map((value): Choice<Gender> => ({ value, label: label.gender(value) })),
    };
    /** A list of words joined the way the language joins them: "English, Spanish, and French". */
    const list = (items: readonly string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
    return { ...label, choices, list, locale };
  }, [t, locale]);
}

export type Vocabulary = ReturnType<typeof useVocabulary>;
