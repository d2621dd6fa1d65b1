import type { BookedSession, CareTeamMember } from '@haven/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCancelSession } from '../../api/coverage.ts';
import { formatCents } from '../../money/money.ts';
import { formatDateTime } from '../../time/formatting.ts';
import { Alert, ConfirmButton } from '../../ui/index.ts';
import { useVocabulary } from '../../vocabulary/useVocabulary.ts';

type UpcomingSessionsProps = {
  sessions: readonly BookedSession[];
  current: CareTeamMember | null;
  timeZone: string;
  onCancelled: (message: string) => void;
};

/** Booked live sessions, in the client's own time zone, each with a way to cancel it. */
export function UpcomingSessions({ sessions, current, timeZone, onCancelled }: UpcomingSessionsProps) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const cancel = useCancelSession();
  const [now] = useState(() => Date.now());
  const upcoming = sessions.filter((session) => new Date(session.endsAt).getTime() > now);

  /** Whether cancelling returns the session or uses it up, said before the client confirms. */
  function cancelQuestion(session: BookedSession): string {
    const cost = formatCents(session.costCents);
    if (session.freeCancellation) return session.costCents > 0 ? t('care.sessions.returnedNoCharge', { cost }) : t('care.sessions.returned');
    return session.costCents > 0 ? t('care.sessions.spentCharged', { cost }) : t('care.sessions.spent');
  }

  return (
    <section className="care__section" aria-labelledby="care-sessions-heading">
      <h2 id="care-sessions-heading">{t('care.sessions.heading')}</h2>
      {cancel.isError && (
        <Alert tone="error">
          <p>{t(`errors.${cancel.error.code}`)}</p>
        </Alert>
      )}
      {upcoming.length === 0 ? (
        <p>{t('care.sessions.none')}</p>
      ) : (
        <ul className="bare-list">
          {upcoming.map((session) => {
            const provider = current?.provider.id === session.providerId ? current.provider : null;
            const when = formatDateTime(session.startsAt, timeZone, i18n.language);
            return (
              <li key={session.id} className="care__session">
                <p>
                  {t('care.sessions.session', { when, modality: vocabulary.modality(session.modality) })}
                  {provider && ` ${t('care.sessions.with', { name: `${provider.firstName} ${provider.lastName}` })}`}
                  {session.costCents > 0 && ` ${t('care.sessions.cost', { cost: formatCents(session.costCents) })}`}
                </p>
                <ConfirmButton
                  small
                  label={t('care.sessions.cancel')}
                  hiddenLabel={t('care.sessions.cancelWhich', { when })}
                  question={cancelQuestion(session)}
                  confirmLabel={t('care.sessions.confirmCancel')}
                  cancelLabel={t('care.sessions.keep')}
                  pending={cancel.isPending && cancel.variables === session.id}
                  onAsk={() => cancel.reset()}
                  onConfirm={() =>
                    cancel.mutate(session.id, {
                      onSuccess: () => onCancelled(t(session.freeCancellation ? 'care.sessions.cancelledReturned' : 'care.sessions.cancelledSpent', { when })),
                    })
                  }
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
