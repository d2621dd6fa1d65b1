import type { MatchReason } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../../vocabulary/useVocabulary.ts';

/** Why a provider was suggested, one plain sentence a reason; every language they share in one. */
export function useReasonSentences() {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();

  return (reasons: readonly MatchReason[]): string[] => {
    const languages = reasons.flatMap((reason) => (reason.kind === 'speaks' ? [vocabulary.language(reason.language)] : []));
    const sentences: string[] = [];
    for (const reason of reasons) {
      switch (reason.kind) {
        case 'licensed_in':
          sentences.push(t('care.reasons.licensed_in', { state: vocabulary.state(reason.state) }));
          break;
        case 'speaks':
          // All languages are said together, where the first of them stands.
          if (vocabulary.language(reason.language) === languages[0]) {
            sentences.push(t('care.reasons.speaks', { languages: vocabulary.list(languages) }));
          }
          break;
        case 'focus':
          sentences.push(t('care.reasons.focus', { areas: vocabulary.list(reason.areas.map((area) => t(`care.focusWords.${area}`))) }));
          break;
        case 'gender':
          sentences.push(t('care.reasons.gender', { gender: t(`care.gender.${reason.gender}`) }));
          break;
        case 'approach':
          sentences.push(t('care.reasons.approach', { approaches: vocabulary.list(reason.approaches.map(vocabulary.approach)) }));
          break;
        case 'times':
          sentences.push(t('care.reasons.times', { times: vocabulary.list(reason.times.map((time) => t(`care.timeWords.${time}`))) }));
          break;
        case 'light_caseload':
          sentences.push(t('care.reasons.light_caseload'));
          break;
        case 'good_outcomes':
          sentences.push(t('care.reasons.good_outcomes', { improved: reason.improved, similar: reason.similar }));
          break;
        default:
          reason satisfies never;
      }
    }
    return sentences;
  };
}

export function MatchReasons({ reasons }: { reasons: readonly MatchReason[] }) {
  const sentences = useReasonSentences()(reasons);
  if (sentences.length === 0) return null;
  return (
    <ul className="reasons">
      {sentences.map((sentence) => (
        <li key={sentence}>{sentence}</li>
      ))}
    </ul>
  );
}
