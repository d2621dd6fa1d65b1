import type { CoverageState, LiveSession } from '@haven/contract';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNextTwoWeeks, useRescheduleOptions, useRescheduleSession } from '../../api/sessions.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFormProblem } from '../../forms/useFormProblem.ts';
import { formatCents } from '../../money/money.ts';
import { formatDateTime } from '../../time/formatting.ts';
import { Alert, Button, Spinner, TextAreaField } from '../../ui/index.ts';
import { useCoverageWords } from '../plan/useCoverageWords.ts';
import { SessionRefusal } from './SessionRefusal.tsx';
import { SlotPicker } from './SlotPicker.tsx';

type MoveField = 'time';

type RescheduleSessionProps = {
  session: LiveSession;
  coverage: CoverageState | undefined;
  timeZone: string;
  onMoved: (message: string) => void;
  onKeep: () => void;
};

/** Moving a session to another of the provider's open times, with what the move costs said before it is made. */
export function RescheduleSession({ session, coverage, timeZone, onMoved, onKeep }: RescheduleSessionProps) {
  const { t, i18n } = useTranslation();
  const words = useCoverageWords();
  const range = useNextTwoWeeks();
  const options = useRescheduleOptions(session.id, range);
  const move = useRescheduleSession();
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<MoveField>();
  const [chosenStart, setStart] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const id = `move-${session.id}`;
  // Its own time is not somewhere to move it to.
  const slots = (options.data?.slots ?? []).filter((slot) => Date.parse(slot.start) !== Date.parse(session.startsAt));
  const start = slots.some((slot) => slot.start === chosenStart) ? chosenStart : null;
  const estimate = coverage ? words.estimate(coverage) : null;
  const newCost = coverage?.estimate?.costCents;

  useEffect(() => heading.current?.focus(), []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (move.isPending) return;
    if (!start) {
      report({ fields: { time: { key: 'care.book.chooseTime' } } });
      return;
    }
    clear();
    const acceptedCostCents = coverage?.estimate?.costCents;
    move.mutate(
      {
        sessionId: session.id,
        start,
        ...(acceptedCostCents === undefined ? {} : { acceptedCostCents }),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
      {
        onSuccess: (moved) => onMoved(t('clientSessions.moved', { when: formatDateTime(moved.startsAt, timeZone, i18n.language) })),
        onError: (failure) => {
          if (failure.code === 'slot_taken') setStart(null);
        },
      },
    );
  }

  return (
    <form className="form sessions__move" noValidate onSubmit={handleSubmit} aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('clientSessions.moveHeading')}
      </h4>
      {problem && <ErrorSummary problem={problem} fieldIds={{ time: `${id}-time` }} ref={summaryRef} />}
      {move.isError && <SessionRefusal failure={move.error} coverage={coverage} />}
      {options.isPending && <Spinner label={t('care.book.loading')} />}
      {options.isError && (
        <Alert tone="error">
          <p>{t('care.book.loadFailed')}</p>
          <p>{t(`errors.${options.error.code}`)}</p>
        </Alert>
      )}
      {options.data &&
        (slots.length === 0 ? (
          <p>{t('clientSessions.noOtherTimes', { name: options.data.providerName })}</p>
        ) : (
          <SlotPicker
            id={id}
            slots={slots}
            timeZone={timeZone}
            lengthMinutes={session.lengthMinutes}
            value={start}
            onChange={setStart}
            error={errorFor('time')}
          />
        ))}
      <TextAreaField
        id={`${id}-reason`}
        label={t('clientSessions.reason')}
        hint={t('clientSessions.reasonHint')}
        value={reason}
        maxLength={500}
        rows={2}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      <p className="sessions__note">
        {session.freeChange
          ? `${t('clientSessions.moveFree')} ${newCost !== undefined && newCost !== session.costCents ? t('clientSessions.moveNewCost', { cost: formatCents(newCost) }) : ''}`
          : `${t('clientSessions.moveUsed')} ${estimate ? t('clientSessions.moveEstimate', { estimate }) : ''}`}
      </p>
      <div className="form__actions">
        <Button type="submit" className="button--small" loading={move.isPending}>
          {start ? t('clientSessions.moveTo', { when: formatDateTime(start, timeZone, i18n.language) }) : t('clientSessions.move')}
        </Button>
        <Button variant="quiet" className="button--small" onClick={onKeep}>
          {t('clientSessions.keepTime')}
        </Button>
      </div>
    </form>
  );
}
