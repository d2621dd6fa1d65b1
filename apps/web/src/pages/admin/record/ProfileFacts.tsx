import type { ProviderProfile } from '@haven/contract';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeTimeZone } from '../../../time/formatting.ts';
import { Avatar } from '../../../ui/index.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { useHoursSummary } from './useHoursSummary.ts';

/** Every profile field, as the provider entered it. */
export function ProfileFacts({ profile }: { profile: ProviderProfile }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const hours = useHoursSummary();
  const none = t('common.none');
  const listOr = (items: readonly string[]) => (items.length > 0 ? vocabulary.list(items) : none);

  const facts: [label: string, value: ReactNode][] = [
    [t('fields.email.label'), profile.email],
    [t('providerProfile.about.pronouns'), profile.pronouns ?? none],
    [t('providerProfile.about.gender'), profile.gender ? vocabulary.gender(profile.gender) : none],
    [t('providerProfile.about.credentials'), listOr(profile.credentials)],
    [t('providerProfile.about.yearsExperience'), profile.yearsExperience ?? none],
    [t('providerProfile.about.npi'), profile.npi ?? none],
    [t('providerProfile.practice.focusAreas'), listOr(profile.focusAreas.map(vocabulary.focusArea))],
    [t('providerProfile.practice.approaches'), listOr(profile.approaches.map(vocabulary.approach))],
    [t('providerProfile.clients.languages'), listOr(profile.languages.map(vocabulary.language))],
    [t('providerProfile.clients.modalities'), listOr(profile.modalities.map(vocabulary.modality))],
    [t('providerProfile.clients.coverage'), listOr(profile.coverage.map(vocabulary.coverage))],
    [t('providerProfile.clients.capacity'), profile.capacity ?? none],
    [t('providerProfile.hours.timeZone'), profile.timeZone ? describeTimeZone(profile.timeZone, vocabulary.locale) : none],
    [t('providerProfile.hours.legend'), listOr(hours(profile.businessHours))],
  ];

  return (
    <section className="form__section" aria-labelledby="record-profile">
      <h2 id="record-profile">{t('adminProvider.profile')}</h2>
      <Avatar
        photoUrl={profile.photoUrl}
        firstName={profile.firstName}
        lastName={profile.lastName}
        alt={t('adminProvider.photoOf', { name: `${profile.firstName} ${profile.lastName}` })}
        size="large"
      />
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} className="facts__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('providerProfile.practice.approachStatement')}</h3>
      <p className="statement">{profile.approachStatement ?? none}</p>
    </section>
  );
}
