import type { CoverageState } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStartMessagingSession } from '../../api/coverage.ts';
import { formatDateTime } from '../../time/formatting.ts';
import { Alert, ConfirmButton } from '../../ui/index.ts';
import { useCoverageWords } from '../plan/useCoverageWords.ts';

type MessagingSessionProps = {
  state: CoverageState;
  /** Sessions need a provider to answer them. */
  matched: boolean;
  timeZone: string;
  onStarted: (message: string) => void;
};

/**
 * How messaging works on the client's coverage: continuous on a monthly plan; with an organisation
 * code or a health plan, in sessions the client starts, each open 7 days or until the provider
 * completes it, never cancelled once started.
 */
export function MessagingSession({ state, matched, timeZone, onStarted }: MessagingSessionProps) {
  const { t, i18n } = useTranslation();
  const words = useCoverageWords();
  const start = useStartMessagingSession();
  const open = state.openMessagingSession;
  const estimate = words.estimate(state);
  const noneLeft = state.coverage?.kind === 'eap' && state.coverage.creditsLeft < 1;

  function startSession() {
    start.mutate(
      { acceptedCostCents: state.estimate?.costCents ?? 0 },
      {
        onSuccess: (next) =>
          onStarted(
            t('care.messaging.started', { until: formatDateTime(next.openMessagingSession?.closesAt ?? '', timeZone, i18n.language) }),
          ),
      },
    );
  }

  return (
    <section className="care__section" aria-labelledby="care-messaging-heading">
      <h2 id="care-messaging-heading">{t('care.messaging.heading')}</h2>
      {state.messaging === 'continuous' && <p>{t('care.messaging.continuous')}</p>}
      {state.messaging === 'not_included' && (
        <p>
          {t('care.messaging.notIncluded')} <Link to="/plan">{t('care.seePlan')}</Link>
        </p>
      )}
      {state.messaging === 'sessions' &&
        (open ? (
          <>
            <p className="care__open">{t('care.messaging.openUntil', { until: formatDateTime(open.closesAt, timeZone, i18n.language) })}</p>
            <p>{t('care.messaging.openBody')}</p>
          </>
        ) : (
          <>
            <p>{t('care.messaging.how')}</p>
            {estimate && <p className="care__estimate">{estimate}</p>}
            {start.isError && (
              <Alert tone="error">
                <p>{t(`errors.${start.error.code}`)}</p>
              </Alert>
            )}
            {!matched ? (
              <p>{t('care.messaging.afterMatch')}</p>
            ) : noneLeft ? (
              <p>
                {t('errors.no_credits')} <Link to="/plan">{t('care.seePlan')}</Link>
              </p>
            ) : (
              <ConfirmButton
                variant="primary"
                label={t('care.messaging.start')}
                question={t('care.messaging.question', { estimate })}
                confirmLabel={t('care.messaging.confirm')}
                cancelLabel={t('care.messaging.cancel')}
                pending={start.isPending}
                onAsk={() => start.reset()}
                onConfirm={startSession}
              />
            )}
          </>
        ))}
    </section>
  );
}
