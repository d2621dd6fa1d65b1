import type { CoverageState } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../money/money.ts';

type Coverage = NonNullable<CoverageState['coverage']>;

/** The day before a calendar date: a period's `periodEnd` is the first day of the next one. */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** What the client has left and what a session will cost them, in plain words. */
export function useCoverageWords() {
  const { t } = useTranslation();

  /** "2 of 4 live sessions left this month", "2 of 6 sessions left"; null when sessions are not counted. */
  function balance(coverage: Coverage | null): string | null {
    switch (coverage?.kind) {
      case undefined:
      case 'health_plan':
        return null;
      case 'direct':
        if (coverage.liveSessionsPerMonth === 0) return null;
        return t('plan.balance.live', { left: coverage.liveSessionsLeft, count: coverage.liveSessionsPerMonth });
      case 'eap':
        return t('plan.balance.eap', { left: coverage.creditsLeft, count: coverage.creditsGranted });
      default:
        return coverage satisfies never;
    }
  }

  /** What the next session uses or costs: "Uses 1 of your 3 prepaid sessions", "Your copay: $25.00". */
  function estimate({ estimate, coverage }: Pick<CoverageState, 'estimate' | 'coverage'>): string | null {
    if (!estimate) return null;
    const cost = formatCents(estimate.costCents);
    switch (estimate.uses) {
      case 'included':
        return t('plan.estimate.included');
      case 'live_allowance': {
        const left = coverage?.kind === 'direct' ? coverage.liveSessionsLeft : 0;
        return left > 0 ? t('plan.estimate.liveAllowance', { count: left }) : t('plan.estimate.noneLeft');
      }
      case 'eap_credit': {
        const left = coverage?.kind === 'eap' ? coverage.creditsLeft : 0;
        return left > 0 ? t('plan.estimate.eapCredit', { count: left }) : t('plan.estimate.noneLeft');
      }
      case 'health_plan_visit':
        if (coverage?.kind === 'health_plan' && coverage.copayCents !== null) return t('plan.estimate.copay', { cost });
        return estimate.costCents > 0 ? t('plan.estimate.deductible', { cost }) : t('plan.estimate.covered');
      default:
        return estimate.uses satisfies never;
    }
  }

  return { balance, estimate };
}
