import type { CareTeamMember } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../time/formatting.ts';
import { useVocabulary } from '../../vocabulary/useVocabulary.ts';
import { MatchReasons } from './MatchReasons.tsx';
import { ProviderSummary } from './ProviderSummary.tsx';

/** The client's provider: who they are, in their own words, and why Haven suggested them. */
export function CurrentProvider({ member }: { member: CareTeamMember }) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const { provider } = member;
  const tags: [id: string, heading: string, items: string[]][] = [
    ['care-provider-expertise', t('publicProfile.expertise'), provider.focusAreas.map(vocabulary.focusArea)],
    ['care-provider-languages', t('publicProfile.languages'), provider.languages.map(vocabulary.language)],
  ];

  return (
    <section className="care__provider" aria-labelledby="care-provider-name">
      <p className="care__eyebrow">{t('care.provider.since', { date: formatCalendarDate(member.since, i18n.language) })}</p>
      <ProviderSummary provider={provider} headingId="care-provider-name" size="large" />
      {member.reasons.length > 0 && (
        <div>
          <h3>{t('care.reasons.heading', { name: provider.firstName })}</h3>
          <MatchReasons reasons={member.reasons} />
        </div>
      )}
      {provider.approachStatement && (
        <div>
          <h3>{t('care.provider.ownWords')}</h3>
          <p className="statement care__statement">{provider.approachStatement}</p>
        </div>
      )}
      {tags.map(
        ([id, heading, items]) =>
          items.length > 0 && (
            <div key={id}>
              <h3 id={id}>{heading}</h3>
              <ul className="tags" aria-labelledby={id}>
                {items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </div>
          ),
      )}
    </section>
  );
}
