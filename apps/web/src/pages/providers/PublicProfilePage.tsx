import type { PublicProviderProfile, UsStateCode } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePublicProfile } from '../../api/providers.ts';
import { RequireAccount } from '../../app/RequireAccount.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { Avatar, Spinner } from '../../ui/index.ts';
import { useVocabulary } from '../../vocabulary/useVocabulary.ts';
import { LoadFailed } from '../LoadFailed.tsx';
import '../workspace.css';
import './PublicProfilePage.css';

/** A provider as clients see them. */
export function PublicProfilePage() {
  usePageTitle('titles.providerPublic');
  const { providerId = '' } = useParams();
  return <RequireAccount>{() => <PublicProfile providerId={providerId} />}</RequireAccount>;
}

function PublicProfile({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const profile = usePublicProfile(providerId);

  if (profile.error?.code === 'not_found') {
    return (
      <div className="stack">
        <h1>{t('publicProfile.notFound.heading')}</h1>
        <p>{t('publicProfile.notFound.body')}</p>
      </div>
    );
  }
  if (profile.isError) {
    return <LoadFailed failure={profile.error} onRetry={() => void profile.refetch()} what="publicProfile.loadFailed" />;
  }
  if (!profile.data) return <Spinner />;
  return <ProfileView profile={profile.data} />;
}

function ProfileView({ profile }: { profile: PublicProviderProfile }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const name = `${profile.firstName} ${profile.lastName}`;
  const stateCodes = new Set<UsStateCode>(profile.licences.map((licence) => licence.state));
  const states = [...stateCodes].map(vocabulary.state);
  const sections: [heading: string, items: string[]][] = [
    [t('publicProfile.expertise'), profile.focusAreas.map(vocabulary.focusArea)],
    [t('publicProfile.approaches'), profile.approaches.map(vocabulary.approach)],
    [t('publicProfile.languages'), profile.languages.map(vocabulary.language)],
    [t('publicProfile.modalities'), profile.modalities.map(vocabulary.modality)],
  ];

  return (
    <article className="public-profile">
      <header className="public-profile__header">
        <Avatar
          photoUrl={profile.photoUrl}
          firstName={profile.firstName}
          lastName={profile.lastName}
          alt={t('adminProvider.photoOf', { name })}
          size="large"
        />
        <div>
          <h1 className="public-profile__name">
            {name}
            {profile.pronouns && <span className="public-profile__pronouns"> ({profile.pronouns})</span>}
          </h1>
          {profile.credentials.length > 0 && <p className="lead">{profile.credentials.join(', ')}</p>}
          {profile.yearsExperience !== null && <p>{t('publicProfile.years', { count: profile.yearsExperience })}</p>}
          {states.length > 0 && <p>{t('publicProfile.licensedIn', { states: vocabulary.list(states) })}</p>}
        </div>
      </header>
      {profile.approachStatement && (
        <section aria-labelledby="own-words">
          <h2 id="own-words">{t('publicProfile.ownWords')}</h2>
          <p className="statement public-profile__statement">{profile.approachStatement}</p>
        </section>
      )}
      {sections.map(
        ([heading, items]) =>
          items.length > 0 && (
            <section key={heading} aria-label={heading}>
              <h2>{heading}</h2>
              <ul className="tags">
                {items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </section>
          ),
      )}
    </article>
  );
}
