import type { CoverageState } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../../money/money.ts';
import { formatCalendarDate } from '../../../time/formatting.ts';
import { Badge, Fact } from '../../../ui/index.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { useHumanTime } from '../matching/useHumanTime.ts';

type Coverage = NonNullable<CoverageState['coverage']>;
type PendingChange = NonNullable<Extract<Coverage, { kind: 'direct' }>['pendingChange']>;

/** The facts of each kind of coverage: a plan and its period, an organisation's credits, a health plan's costs. */
function CoverageFacts({ coverage }: { coverage: Coverage }) {
  const { t, i18n } = useTranslation();
  const date = (day: string) => formatCalendarDate(day, i18n.language);
  const money = (cents: number | null) => (cents === null ? t('partnersOps.ledger.unknown') : formatCents(cents));
  const pendingWords = ({ to, effectiveOn }: PendingChange) =>
    to === 'pause' || to === 'resume'
      ? t(`partnersOps.ledger.change.${to}`, { on: date(effectiveOn) })
      : t('partnersOps.ledger.change.plan', { plan: t(`partnersOps.plans.name.${to}`), on: date(effectiveOn) });

  switch (coverage.kind) {
    case 'direct':
      return (
        <>
          <Fact term={t('partnersOps.ledger.plan')}>{t(`partnersOps.plans.name.${coverage.plan}`)}</Fact>
          <Fact term={t('partnersOps.ledger.status')}>
            {coverage.status === 'active' ? (
              <Badge tone="success">{t('partnersOps.ledger.active')}</Badge>
            ) : (
              <Badge tone="warning">{t('partnersOps.ledger.paused')}</Badge>
            )}
          </Fact>
          <Fact term={t('partnersOps.ledger.price')}>
            {t('partnersOps.ledger.perMonth', { price: formatCents(coverage.monthlyPriceCents) })}
          </Fact>
          <Fact term={t('partnersOps.ledger.currentPeriod')}>
            {t('partnersOps.ledger.period', { start: date(coverage.periodStart), end: date(coverage.periodEnd) })}
          </Fact>
          <Fact term={t('partnersOps.ledger.liveLeft')}>
            {t('partnersOps.ledger.ofAllowance', { left: coverage.liveSessionsLeft, count: coverage.liveSessionsPerMonth })}
          </Fact>
          {coverage.pendingChange && <Fact term={t('partnersOps.ledger.pendingChange')}>{pendingWords(coverage.pendingChange)}</Fact>}
        </>
      );
    case 'eap':
      return (
        <>
          <Fact term={t('partnersOps.ledger.organisation')}>{coverage.organisation}</Fact>
          <Fact term={t('partnersOps.ledger.creditsLeft')}>
            {t('partnersOps.ledger.ofCredits', { left: coverage.creditsLeft, count: coverage.creditsGranted })}
          </Fact>
          <Fact term={t('partnersOps.ledger.endsOn')}>{date(coverage.endsOn)}</Fact>
        </>
      );
    case 'health_plan':
      return (
        <>
          <Fact term={t('partnersOps.ledger.payer')}>{coverage.payer}</Fact>
          <Fact term={t('partnersOps.ledger.memberId')}>{t('partnersOps.ledger.endingIn', { digits: coverage.memberIdEnding })}</Fact>
          <Fact term={t('partnersOps.ledger.copay')}>{money(coverage.copayCents)}</Fact>
          <Fact term={t('partnersOps.ledger.deductible')}>{money(coverage.deductibleRemainingCents)}</Fact>
          <Fact term={t('partnersOps.ledger.sessionRate')}>{formatCents(coverage.sessionRateCents)}</Fact>
        </>
      );
    default:
      return coverage satisfies never;
  }
}

/** How the client pays now, what they have left, and what is open. */
export function CoverageSummary({ state }: { state: CoverageState }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const time = useHumanTime();
  const { coverage, openMessagingSession } = state;

  return (
    <section className="form__section" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">{t('partnersOps.ledger.coverageHeading')}</h2>
      {!coverage && <p>{t('partnersOps.ledger.noCoverage')}</p>}
      <dl className="facts">
        {coverage && (
          <>
            <Fact term={t('partnersOps.ledger.kindOfCoverage')}>{vocabulary.coverage(coverage.kind)}</Fact>
            <Fact term={t('partnersOps.ledger.since')}>{time.at(coverage.since)}</Fact>
            <CoverageFacts coverage={coverage} />
          </>
        )}
        <Fact term={t('partnersOps.ledger.messaging')}>{t(`partnersOps.ledger.messagingMode.${state.messaging}`)}</Fact>
        {openMessagingSession && (
          <Fact term={t('partnersOps.ledger.openMessaging')}>
            {t('partnersOps.ledger.openUntil', { when: time.at(openMessagingSession.closesAt) })}
          </Fact>
        )}
        <Fact term={t('partnersOps.ledger.live')}>
          {state.live ? t('partnersOps.ledger.liveIncluded') : t('partnersOps.ledger.liveNotIncluded')}
        </Fact>
      </dl>
      {!state.providerAcceptsCoverage && <p>{t('partnersOps.ledger.providerDoesNotAccept')}</p>}
    </section>
  );
}
