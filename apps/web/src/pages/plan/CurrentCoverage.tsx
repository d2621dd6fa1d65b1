import type { CoverageState } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../money/money.ts';
import { formatCalendarDate } from '../../time/formatting.ts';
import { Badge, Fact } from '../../ui/index.ts';
import { SessionCounting } from './CoverageFields.tsx';
import { DirectPlanActions } from './DirectPlanActions.tsx';
import { dayBefore, useCoverageWords } from './useCoverageWords.ts';
import { usePlanWords } from './usePlanWords.ts';

type Coverage = NonNullable<CoverageState['coverage']>;
type Direct = Extract<Coverage, { kind: 'direct' }>;

/** The coverage in force now: what it is, what is left, what a session costs; a monthly plan's changes. */
export function CurrentCoverage({
  state,
  onChanged,
}: {
  state: CoverageState & { coverage: Coverage };
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const words = useCoverageWords();
  const { coverage } = state;
  // On a monthly plan without live sessions nothing is counted: there is no "each session" to speak of.
  const estimate = state.estimate?.uses === 'included' ? null : words.estimate(state);

  return (
    <section className="care__section care__plan" aria-labelledby="plan-current-heading">
      <h2 id="plan-current-heading">{t(`plan.current.${coverage.kind}`)}</h2>
      <dl className="facts">
        <CoverageFacts coverage={coverage} />
        {estimate && <Fact term={t('plan.facts.perSession')}>{estimate}</Fact>}
      </dl>
      <SessionCounting kind={coverage.kind} />
      {coverage.kind === 'direct' && <DirectPlanActions coverage={coverage} onChanged={onChanged} />}
    </section>
  );
}

function CoverageFacts({ coverage }: { coverage: Coverage }) {
  const { t, i18n } = useTranslation();
  const words = useCoverageWords();
  const date = (day: string) => formatCalendarDate(day, i18n.language);

  switch (coverage.kind) {
    case 'direct':
      return <DirectFacts coverage={coverage} />;
    case 'eap':
      return (
        <>
          <Fact term={t('plan.facts.organisation')}>{coverage.organisation}</Fact>
          <Fact term={t('plan.facts.sessionsLeft')}>{words.balance(coverage)}</Fact>
          <Fact term={t('plan.facts.endsOn')}>{date(coverage.endsOn)}</Fact>
        </>
      );
    case 'health_plan':
      return (
        <>
          <Fact term={t('plan.facts.payer')}>{coverage.payer}</Fact>
          <Fact term={t('plan.facts.memberId')}>{t('plan.facts.memberIdEnding', { ending: coverage.memberIdEnding })}</Fact>
          {coverage.copayCents !== null && <Fact term={t('plan.facts.copay')}>{formatCents(coverage.copayCents)}</Fact>}
          {coverage.deductibleRemainingCents !== null && (
            <Fact term={t('plan.facts.deductible')}>
              {coverage.deductibleRemainingCents > 0
                ? t('plan.facts.deductibleLeft', {
                    amount: formatCents(coverage.deductibleRemainingCents),
                    rate: formatCents(coverage.sessionRateCents),
                  })
                : t('plan.facts.deductibleMet')}
            </Fact>
          )}
        </>
      );
    default:
      return coverage satisfies never;
  }
}

function DirectFacts({ coverage }: { coverage: Direct }) {
  const { t, i18n } = useTranslation();
  const words = useCoverageWords();
  const plans = usePlanWords();
  const date = (day: string) => formatCalendarDate(day, i18n.language);
  const balance = words.balance(coverage);
  const pending = coverage.pendingChange;

  return (
    <>
      <Fact term={t('plan.facts.plan')}>
        {plans.name(coverage.plan)}{' '}
        {coverage.status === 'active' ? (
          <Badge tone="success">{t('plan.facts.active')}</Badge>
        ) : (
          <Badge tone="warning">{t('plan.facts.paused')}</Badge>
        )}
      </Fact>
      <Fact term={t('plan.facts.includes')}>{plans.includes(coverage)}</Fact>
      <Fact term={t('plan.facts.price')}>{plans.perMonth(coverage.monthlyPriceCents)}</Fact>
      {coverage.status === 'active' && (
        <Fact term={t('plan.facts.period')}>
          {t('plan.facts.periodValue', {
            from: date(coverage.periodStart),
            to: date(dayBefore(coverage.periodEnd)),
            next: date(coverage.periodEnd),
          })}
        </Fact>
      )}
      {balance && coverage.status === 'active' && <Fact term={t('plan.facts.liveLeft')}>{balance}</Fact>}
      {pending && (
        <Fact term={t('plan.facts.pending')}>
          {pending.to === 'pause' || pending.to === 'resume'
            ? t(`plan.facts.pendingValue.${pending.to}`, { date: date(pending.effectiveOn) })
            : t('plan.facts.pendingValue.plan', { name: plans.name(pending.to), date: date(pending.effectiveOn) })}
        </Fact>
      )}
    </>
  );
}
