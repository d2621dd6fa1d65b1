import type { CareSlots, CareTeamMember, CoverageState } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBookSession, useCareSlots } from '../../api/coverage.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFormProblem } from '../../forms/useFormProblem.ts';
import { formatCents } from '../../money/money.ts';
import { describeTimeZone, formatDateTime, formatTimeOfDay } from '../../time/formatting.ts';
import { slotsByDay } from '../../time/slotsByDay.ts';
import { Alert, Button, RadioGroup, SelectField, Spinner, type Choice } from '../../ui/index.ts';
import { useCoverageWords } from '../plan/useCoverageWords.ts';

const FORTNIGHT = 14 * 86_400_000;
type BookField = 'day' | 'time';
const fieldIds: Record<BookField, string> = { day: 'book-day', time: 'book-time' };

type BookLiveSessionProps = {
  state: CoverageState;
  member: CareTeamMember;
  timeZone: string;
  onBooked: (message: string) => void;
};

/** Booking a live session with the current provider: a day in the next two weeks, a time, what it costs. */
export function BookLiveSession({ state, member, timeZone, onBooked }: BookLiveSessionProps) {
  const { t } = useTranslation();

  return (
    <section className="care__section" aria-labelledby="care-book-heading">
      <h2 id="care-book-heading">{t('care.book.heading', { name: member.provider.firstName })}</h2>
      {state.live ? (
        <BookingForm state={state} member={member} timeZone={timeZone} onBooked={onBooked} />
      ) : (
        <p>
          {t('care.book.notIncluded')} <Link to="/plan">{t('care.seePlan')}</Link>
        </p>
      )}
    </section>
  );
}

function BookingForm({ state, member, timeZone, onBooked }: BookLiveSessionProps) {
  const { t, i18n } = useTranslation();
  const [range] = useState(() => {
    const from = new Date();
    return { from: from.toISOString(), to: new Date(from.getTime() + FORTNIGHT).toISOString() };
  });
  const slots = useCareSlots(range);

  if (slots.isPending) return <Spinner label={t('care.book.loading')} />;
  if (slots.isError) {
    return (
      <Alert tone="error">
        <p>{t('care.book.loadFailed')}</p>
        <p>{t(`errors.${slots.error.code}`)}</p>
      </Alert>
    );
  }
  if (slots.data.slots.length === 0) return <p>{t('care.book.noTimes', { name: member.provider.firstName })}</p>;
  return (
    <>
      <p className="muted">{t('care.book.zone', { zone: describeTimeZone(timeZone, i18n.language) })}</p>
      <TimePicker slots={slots.data} state={state} member={member} timeZone={timeZone} onBooked={onBooked} />
    </>
  );
}

type TimePickerProps = BookLiveSessionProps & { slots: CareSlots };

function TimePicker({ slots, state, member, timeZone, onBooked }: TimePickerProps) {
  const { t, i18n } = useTranslation();
  const words = useCoverageWords();
  const book = useBookSession();
  const days = slotsByDay(slots.slots, timeZone);
  const [chosenDay, setDay] = useState<string | null>(null);
  const [chosenStart, setStart] = useState<string | null>(null);
  // The times are read again after each booking or refusal: a day or time no longer open drops out.
  const day = chosenDay !== null && days.has(chosenDay) ? chosenDay : ([...days.keys()][0] ?? '');
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<BookField>();
  const times = days.get(day) ?? [];
  const start = times.some((slot) => slot.start === chosenStart) ? chosenStart : null;
  const name = `${member.provider.firstName} ${member.provider.lastName}`;
  const cost = state.estimate?.costCents ?? 0;
  const estimate = words.estimate(state);

  // Short enough for a phone's select: "Wednesday, Nov 25".
  const dayName = new Intl.DateTimeFormat(i18n.language, { timeZone, weekday: 'long', month: 'short', day: 'numeric' });
  const timeChoices = times.map((slot): Choice<string> => ({ value: slot.start, label: formatTimeOfDay(slot.start, timeZone, i18n.language) }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (book.isPending) return;
    if (!start) {
      report({ fields: { time: { key: 'care.book.chooseTime' } } });
      return;
    }
    clear();
    book.mutate(
      { start, lengthMinutes: slots.lengthMinutes, acceptedCostCents: cost },
      {
        onSuccess: () => onBooked(t('care.book.booked', { when: formatDateTime(start, timeZone, i18n.language), name })),
        onError: (failure) => {
          if (failure.code === 'slot_taken') setStart(null);
          report({ fields: {}, general: { key: `errors.${failure.code}` } });
        },
      },
    );
  }

  return (
    <form className="form care__form" noValidate onSubmit={handleSubmit}>
      {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
      <SelectField
        id={fieldIds.day}
        className="care__day"
        label={t('care.book.day')}
        value={day}
        onChange={(event) => {
          setDay(event.currentTarget.value);
          setStart(null);
        }}
      >
        {[...days.entries()].map(([key, daySlots]) => (
          <option key={key} value={key}>
            {t('care.book.dayOption', { day: dayName.format(new Date(daySlots[0]?.start ?? key)), count: daySlots.length })}
          </option>
        ))}
      </SelectField>
      <RadioGroup
        id={fieldIds.time}
        legend={t('care.book.time', { minutes: slots.lengthMinutes })}
        choices={timeChoices}
        value={start}
        onChange={setStart}
        error={errorFor('time')}
        inline
      />
      {start && (
        <p className="care__estimate">
          {t('care.book.summary', { when: formatDateTime(start, timeZone, i18n.language), minutes: slots.lengthMinutes, name })} {estimate}
        </p>
      )}
      <div className="form__actions">
        <Button type="submit" loading={book.isPending}>
          {cost > 0 ? t('care.book.authorise', { cost: formatCents(cost) }) : t('care.book.submit')}
        </Button>
      </div>
    </form>
  );
}
