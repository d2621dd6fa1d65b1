import type { PublicProviderProfile, UsStateCode } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../ui/index.ts';
import { useVocabulary } from '../../vocabulary/useVocabulary.ts';
import './ProviderSummary.css';

type ProviderSummaryProps = {
  provider: PublicProviderProfile;
  headingId: string;
  size?: 'medium' | 'large';
};

/** A provider at a glance: photo, name, credentials, licences, experience, and the way to their full profile. */
export function ProviderSummary({ provider, headingId, size = 'medium' }: ProviderSummaryProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const name = `${provider.firstName} ${provider.lastName}`;
  const states = [...new Set<UsStateCode>(provider.licences.map((licence) => licence.state))].map(vocabulary.state);

  return (
    <div className="provider-summary">
      <Avatar photoUrl={provider.photoUrl} firstName={provider.firstName} lastName={provider.lastName} alt="" size={size} />
      <div className="provider-summary__facts">
        <h2 id={headingId} className="provider-summary__name">
          {name}
          {provider.pronouns && <span className="provider-summary__pronouns"> ({provider.pronouns})</span>}
        </h2>
        {provider.credentials.length > 0 && <p>{provider.credentials.join(', ')}</p>}
        {states.length > 0 && <p>{t('publicProfile.licensedIn', { states: vocabulary.list(states) })}</p>}
        {provider.yearsExperience !== null && <p>{t('publicProfile.years', { count: provider.yearsExperience })}</p>}
        <p>
          <Link to={`/providers/${provider.id}`}>{t('care.provider.profile', { name })}</Link>
        </p>
      </div>
    </div>
  );
}
