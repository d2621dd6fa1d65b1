import type { CoverageState, LiveSession } from '@haven/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarFileUrl, useCancelSession } from '../../api/sessions.ts';
import { formatCents } from '../../money/money.ts';
import { Badge, Button, ButtonLink, ConfirmButton } from '../../ui/index.ts';
import { RescheduleSession } from './RescheduleSession.tsx';
import { canJoin } from './sessionRules.ts';
import { SessionRefusal } from './SessionRefusal.tsx';
import type { SessionWords } from './useSessionWords.ts';

type UpcomingSessionProps = {
  session: LiveSession;
  words: SessionWords;
  coverage: CoverageState | undefined;
  timeZone: string;
  now: number;
  onChanged: (message: string) => void;
};

/** One booked or requested session: when, what it costs, and joining, moving, cancelling it or adding it to a calendar. */
export function UpcomingSession({ session, words, coverage, timeZone, now, onChanged }: UpcomingSessionProps) {
  const { t } = useTranslation();
  const cancel = useCancelSession();
  const [moving, setMoving] = useState(false);
  const when = words.when(session);
  const headingId = `session-${session.id}`;
  const open = canJoin(session, now);
  const opensId = `${headingId}-opens`;

  /** Whether cancelling returns the session or uses it, said before the client confirms. */
  function cancelQuestion(): string {
    const cost = formatCents(session.costCents);
    if (session.freeChange) return session.costCents > 0 ? t('care.sessions.returnedNoCharge', { cost }) : t('care.sessions.returned');
    return session.costCents > 0 ? t('clientSessions.cancelLateCharged', { cost }) : t('clientSessions.cancelLate');
  }

  return (
    <li className="sessions__item">
      <div className="sessions__head">
        <h3 id={headingId} className="sessions__when">
          {when}
        </h3>
        <Badge tone={session.status === 'requested' ? 'warning' : 'success'}>
          {t(session.status === 'requested' ? 'clientSessions.status.requested' : 'clientSessions.status.booked')}
        </Badge>
      </div>
      <p className="sessions__details">
        {words.details(session)} · {words.cost(session)}
      </p>
      {cancel.isError && <SessionRefusal failure={cancel.error} coverage={coverage} />}
      {moving ? (
        <RescheduleSession
          session={session}
          coverage={coverage}
          timeZone={timeZone}
          onMoved={(message) => {
            setMoving(false);
            onChanged(message);
          }}
          onKeep={() => {
            setMoving(false);
            requestAnimationFrame(() => document.getElementById(`${headingId}-move`)?.focus());
          }}
        />
      ) : (
        <div className="sessions__actions">
          {session.status === 'booked' &&
            (open ? (
              <ButtonLink to={`/sessions/${session.id}`} className="button--small">
                {t('clientSessions.join')}
                <span className="visually-hidden"> {t('clientSessions.which', { when })}</span>
              </ButtonLink>
            ) : (
              <span className="sessions__join">
                <Button className="button--small" disabled aria-describedby={opensId}>
                  {t('clientSessions.join')}
                </Button>
                <span id={opensId} className="muted">
                  {words.joinOpens(session, now)}
                </span>
              </span>
            ))}
          <Button id={`${headingId}-move`} variant="secondary" className="button--small" onClick={() => setMoving(true)}>
            {t('clientSessions.reschedule')}
            <span className="visually-hidden"> {t('clientSessions.which', { when })}</span>
          </Button>
          <ConfirmButton
            small
            label={t('care.sessions.cancel')}
            hiddenLabel={t('care.sessions.cancelWhich', { when })}
            question={cancelQuestion()}
            confirmLabel={t('care.sessions.confirmCancel')}
            cancelLabel={t('care.sessions.keep')}
            pending={cancel.isPending}
            onAsk={() => cancel.reset()}
            onConfirm={() =>
              cancel.mutate(
                { sessionId: session.id },
                {
                  onSuccess: () =>
                    onChanged(t(session.freeChange ? 'care.sessions.cancelledReturned' : 'care.sessions.cancelledSpent', { when })),
                },
              )
            }
          />
          <a className="sessions__calendar" href={calendarFileUrl(session.id)} download>
            {t('clientSessions.calendar')}
            <span className="visually-hidden"> {t('clientSessions.which', { when })}</span>
          </a>
        </div>
      )}
    </li>
  );
}
