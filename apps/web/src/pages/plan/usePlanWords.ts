import type { DirectPlan, PlanOffer } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../money/money.ts';

/** A direct plan in words: its name, its price a month, and what it includes. */
export function usePlanWords() {
  const { t } = useTranslation();
  const name = (plan: DirectPlan) => t(`intake.coverage.plan.${plan}`);
  const perMonth = (cents: number) => t('intake.coverage.perMonth', { price: formatCents(cents) });

  function includes({ plan, liveSessionsPerMonth: count }: Pick<PlanOffer, 'plan' | 'liveSessionsPerMonth'>): string {
    switch (plan) {
      case 'messaging':
        return t('intake.coverage.includes.messaging');
      case 'messaging_live':
        return t('intake.coverage.includes.messaging_live', { count });
      case 'live':
        return t('intake.coverage.includes.live', { count });
      default:
        return plan satisfies never;
    }
  }

  return {
    name,
    perMonth,
    includes,
    nameAndPrice: (offer: PlanOffer) =>
      t('intake.coverage.nameAndPrice', { name: name(offer.plan), price: perMonth(offer.monthlyPriceCents) }),
  };
}
