import type { CoverageState } from '@haven/contract';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiFailure } from '../../api/client.ts';
import { formatCents } from '../../money/money.ts';
import { Alert } from '../../ui/index.ts';
import { useCoverageWords } from '../plan/useCoverageWords.ts';

type SessionRefusalProps = {
  failure: ApiFailure;
  /** The coverage as read again after the refusal: a changed estimate is said with its new amount. */
  coverage: CoverageState | undefined;
};

/**
 * Why a booking or a change was refused, in words the client can act on, with the way to their plan
 * when the plan is the reason. It takes focus when it appears, so it is the next thing read.
 */
export function SessionRefusal({ failure, coverage }: SessionRefusalProps) {
  const { t } = useTranslation();
  const words = useCoverageWords();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.focus();
  }, [failure]);

  function message(): string {
    switch (failure.code) {
      case 'slot_taken':
        return t('liveBooking.refused.slotTaken');
      case 'no_credits':
        return t('liveBooking.refused.noCredits');
      case 'not_in_plan':
        return t('liveBooking.refused.notInPlan');
      case 'estimate_changed': {
        const estimate = coverage?.estimate;
        if (!estimate) return t('errors.estimate_changed');
        const now =
          estimate.costCents > 0 ? t('liveBooking.costEach', { cost: formatCents(estimate.costCents) }) : (words.estimate(coverage) ?? '');
        return t('liveBooking.refused.estimateChanged', { now });
      }
      default:
        return t(`errors.${failure.code}`);
    }
  }

  const aboutPlan = failure.code === 'no_credits' || failure.code === 'not_in_plan';
  return (
    <Alert tone="error" title={t('liveBooking.refused.title')} ref={ref} focusable>
      <p>{message()}</p>
      {aboutPlan && (
        <p>
          <Link to="/plan">{t('care.seePlan')}</Link>
        </p>
      )}
    </Alert>
  );
}
