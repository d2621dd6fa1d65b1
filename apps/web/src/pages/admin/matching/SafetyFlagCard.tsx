import type { SafetyFlag } from '@haven/contract';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge, Card, Fact } from '../../../ui/index.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { FollowUpForm } from './FollowUpForm.tsx';
import { useHumanTime } from './useHumanTime.ts';

// The PHQ-9's own answer wording, indexed by the answer (0–3).
const item9Answers: readonly ParseKeys[] = [
  'matchingOps.safety.item9Answer.notAtAll',
  'matchingOps.safety.item9Answer.severalDays',
  'matchingOps.safety.item9Answer.moreThanHalf',
  'matchingOps.safety.item9Answer.nearlyEveryDay',
];

function useReasonWords() {
  const { t } = useTranslation();
  return (flag: SafetyFlag) =>
    flag.reasons.map((reason) => {
      if (reason === 'self_reported_crisis') return t('matchingOps.safety.reason.self_reported_crisis');
      const answer = flag.item9 === null ? undefined : item9Answers[flag.item9];
      return answer ? t('matchingOps.safety.reason.phq9_item9', { answer: t(answer) }) : t('matchingOps.safety.reason.phq9_item9_unknown');
    });
}

type SafetyFlagCardProps = { flag: SafetyFlag; onRecorded: (message: string) => void };

/** One flagged client: who, why, when; and either the follow-up form or what was done. */
export function SafetyFlagCard({ flag, onRecorded }: SafetyFlagCardProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const time = useHumanTime();
  const reasons = useReasonWords()(flag);
  const moment = (iso: string) => t('matchingOps.safety.when', { ago: time.ago(iso), at: time.at(iso) });

  return (
    <Card title={flag.clientName} headingLevel={3} headingId={`flag-${flag.id}`} className="safety-flag">
      <p>
        {flag.followedUpAt ? (
          <Badge tone="success">{t('matchingOps.safety.statusDone')}</Badge>
        ) : (
          <Badge tone="danger">{t('matchingOps.safety.statusOpen')}</Badge>
        )}
      </p>
      <dl className="facts">
        <Fact term={t('matchingOps.safety.why')}>
          {reasons.length === 1 ? (
            reasons[0]
          ) : (
            <ul className="plain-list">
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact term={t('matchingOps.safety.raised')}>{moment(flag.raisedAt)}</Fact>
        <Fact term={t('matchingOps.safety.email')}>
          <a href={`mailto:${flag.clientEmail}`}>{flag.clientEmail}</a>
        </Fact>
        <Fact term={t('matchingOps.safety.state')}>{vocabulary.state(flag.state)}</Fact>
        {flag.followedUpAt && (
          <>
            <Fact term={t('matchingOps.safety.followedUp')}>{moment(flag.followedUpAt)}</Fact>
            <Fact term={t('matchingOps.safety.note')}>
              <span className="statement">{flag.followUpNote}</span>
            </Fact>
          </>
        )}
      </dl>
      {!flag.followedUpAt && <FollowUpForm flag={flag} onRecorded={onRecorded} />}
    </Card>
  );
}
