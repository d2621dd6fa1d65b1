import type { LiveSession } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProviderReschedule } from '../../../api/calendar.ts';
import { useRescheduleOptions } from '../../../api/sessions.ts';
import { formatDateTime } from '../../../time/formatting.ts';
import { Alert, Button, Spinner, TextAreaField } from '../../../ui/index.ts';
import { SlotPicker } from '../../sessions/SlotPicker.tsx';

const FORTNIGHT = 14 * 86_400_000;

type RescheduleFormProps = {
  session: LiveSession;
  timeZone: string;
  onMoved: (session: LiveSession, message: string) => void;
  onKeep: () => void;
};

/** Moving a session to another open time of the provider's, same length; the cost stays as booked. */
export function RescheduleForm({ session, timeZone, onMoved, onKeep }: RescheduleFormProps) {
  const { t, i18n } = useTranslation();
  const [range] = useState(() => {
    const from = new Date();
    return { from: from.toISOString(), to: new Date(from.getTime() + FORTNIGHT).toISOString() };
  });
  const options = useRescheduleOptions(session.id, range);
  const move = useProviderReschedule();
  const [chosen, setChosen] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [reason, setReason] = useState('');
  const id = `move-${session.id}`;
  const slots = options.data?.slots ?? [];
  const start = slots.some((slot) => slot.start === chosen) ? chosen : null;
  const when = (iso: string) => formatDateTime(iso, timeZone, i18n.language);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (move.isPending) return;
    if (!start) {
      setMissing(true);
      return;
    }
    const trimmed = reason.trim();
    move.mutate(
      { sessionId: session.id, start, ...(trimmed ? { reason: trimmed } : {}) },
      {
        onSuccess: (moved) => onMoved(moved, t('providerCalendar.reschedule.done', { when: when(moved.startsAt) })),
        onError: (failure) => {
          if (failure.code === 'slot_taken') setChosen(null);
        },
      },
    );
  }

  return (
    <form className="form calendar__change" noValidate onSubmit={handleSubmit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('providerCalendar.reschedule.heading')}</h3>
      <p>{t('providerCalendar.reschedule.lead')}</p>
      {move.isError && (
        <Alert tone="error">
          <p>{t(`errors.${move.error.code}`)}</p>
        </Alert>
      )}
      {options.isPending && <Spinner />}
      {options.isError && (
        <Alert tone="error">
          <p>{t('providerCalendar.reschedule.loadFailed')}</p>
          {/* A refused range says nothing the provider can act on here; other failures do. */}
          {options.error.code !== 'validation_failed' && <p>{t(`errors.${options.error.code}`)}</p>}
        </Alert>
      )}
      {options.data &&
        (slots.length === 0 ? (
          <p>{t('providerCalendar.reschedule.none')}</p>
        ) : (
          <SlotPicker
            id={id}
            slots={slots}
            timeZone={timeZone}
            lengthMinutes={session.lengthMinutes}
            value={start}
            onChange={(next) => {
              setChosen(next);
              setMissing(false);
            }}
            error={missing ? t('providerCalendar.reschedule.chooseTime') : undefined}
          />
        ))}
      <TextAreaField
        id={`${id}-reason`}
        label={t('providerCalendar.reason')}
        hint={t('providerCalendar.reasonHint')}
        value={reason}
        maxLength={500}
        rows={2}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      <div className="form__actions">
        <Button type="submit" className="button--small" loading={move.isPending}>
          {start ? t('providerCalendar.reschedule.moveTo', { when: when(start) }) : t('providerCalendar.reschedule.move')}
        </Button>
        <Button variant="quiet" className="button--small" onClick={onKeep}>
          {t('providerCalendar.reschedule.keep')}
        </Button>
      </div>
    </form>
  );
}
