import type { BookingOptions, CoverageState, LiveModality, Recurrence } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../../api/client.ts';
import { useBookSession } from '../../api/sessions.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFormProblem } from '../../forms/useFormProblem.ts';
import { formatCents } from '../../money/money.ts';
import { formatCalendarDate, formatDateTime } from '../../time/formatting.ts';
import { Button, RadioGroup, SelectField, Spinner, type Choice } from '../../ui/index.ts';
import { useVocabulary } from '../../vocabulary/useVocabulary.ts';
import { useCoverageWords } from '../plan/useCoverageWords.ts';
import { lastSessionDay } from '../sessions/sessionRules.ts';
import { SessionRefusal } from '../sessions/SessionRefusal.tsx';
import { SlotPicker } from '../sessions/SlotPicker.tsx';

type BookField = 'time';
const fieldIds: Record<BookField, string> = { time: 'book-time' };
type Repeat = 'once' | 'weekly' | 'fortnightly';
const seriesCounts = Array.from({ length: 11 }, (_, index) => index + 2);

type BookingFormProps = {
  options: BookingOptions;
  /** The length chosen; the options may still be the previous length's while the new ones load. */
  lengthMinutes: number;
  updating: boolean;
  onLengthChange: (minutes: number) => void;
  state: CoverageState;
  providerFirstName: string;
  timeZone: string;
  onBooked: (message: string) => void;
};

export function BookingForm({
  options,
  lengthMinutes,
  updating,
  onLengthChange,
  state,
  providerFirstName,
  timeZone,
  onBooked,
}: BookingFormProps) {
  const { t, i18n } = useTranslation();
  const words = useCoverageWords();
  const vocabulary = useVocabulary();
  const book = useBookSession();
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<BookField>();
  const [refusal, setRefusal] = useState<ApiFailure | null>(null);
  const [chosenStart, setStart] = useState<string | null>(null);
  const [chosenModality, setModality] = useState<LiveModality | null>(null);
  const [repeat, setRepeat] = useState<Repeat>('once');
  const [count, setCount] = useState(4);

  // The times are read again after each booking or refusal: a time no longer open drops out.
  const start = !updating && options.slots.some((slot) => slot.start === chosenStart) ? chosenStart : null;
  const modality =
    chosenModality !== null && options.modalities.includes(chosenModality) ? chosenModality : (options.modalities[0] ?? 'video');
  const recurrence: Recurrence | null = repeat === 'once' ? null : { everyWeeks: repeat === 'weekly' ? 1 : 2, count };
  const sessions = recurrence?.count ?? 1;
  const cost = state.estimate?.costCents ?? 0;
  const name = options.providerName;
  const requestOnly = options.needsConfirmation;

  const lengthChoices = options.lengths.map((minutes): Choice<number> => ({
    value: minutes,
    label: t('liveBooking.minutes', { count: minutes }),
  }));
  const modalityChoices = options.modalities.map((value): Choice<LiveModality> => ({ value, label: vocabulary.modality(value) }));
  const repeatChoices: Choice<Repeat>[] = [
    { value: 'once', label: t('liveBooking.repeatOnce') },
    { value: 'weekly', label: t('liveBooking.repeatWeekly') },
    { value: 'fortnightly', label: t('liveBooking.repeatFortnightly') },
  ];

  function bookedMessage(when: string): string {
    if (requestOnly) return t('liveBooking.requested', { count: sessions, when, name });
    return t('liveBooking.booked', { count: sessions, when, name });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (book.isPending || updating) return;
    setRefusal(null);
    if (!start) {
      report({ fields: { time: { key: 'care.book.chooseTime' } } });
      return;
    }
    clear();
    book.mutate(
      { start, lengthMinutes, modality, acceptedCostCents: cost, recurrence },
      {
        onSuccess: () => onBooked(bookedMessage(formatDateTime(start, timeZone, i18n.language))),
        onError: (failure) => {
          if (failure.code === 'slot_taken') setStart(null);
          setRefusal(failure);
        },
      },
    );
  }

  return (
    <form className="form care__form" noValidate onSubmit={handleSubmit} aria-busy={updating || undefined}>
      {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
      {refusal && <SessionRefusal failure={refusal} coverage={state} />}
      {lengthChoices.length > 1 && (
        <RadioGroup
          id="book-length"
          legend={t('liveBooking.length')}
          choices={lengthChoices}
          value={lengthMinutes}
          onChange={(minutes) => {
            setStart(null);
            onLengthChange(minutes);
          }}
          inline
        />
      )}
      {modalityChoices.length > 1 && (
        <RadioGroup
          id="book-modality"
          legend={t('liveBooking.modality')}
          choices={modalityChoices}
          value={modality}
          onChange={setModality}
          inline
        />
      )}
      {updating ? (
        <Spinner label={t('liveBooking.updating', { minutes: lengthMinutes })} />
      ) : options.slots.length === 0 ? (
        <p>{t('care.book.noTimes', { name: providerFirstName })}</p>
      ) : (
        <SlotPicker
          id="book"
          slots={options.slots}
          timeZone={timeZone}
          lengthMinutes={lengthMinutes}
          value={start}
          onChange={setStart}
          error={errorFor('time')}
        />
      )}
      <RadioGroup id="book-repeat" legend={t('liveBooking.repeat')} choices={repeatChoices} value={repeat} onChange={setRepeat} inline />
      {recurrence && (
        <SelectField
          id="book-count"
          className="care__day"
          label={t('liveBooking.count')}
          value={count}
          onChange={(event) => setCount(Number(event.currentTarget.value))}
        >
          {seriesCounts.map((value) => (
            <option key={value} value={value}>
              {t('liveBooking.countOption', { count: value })}
            </option>
          ))}
        </SelectField>
      )}
      {start && (
        <div className="care__estimate">
          <p>
            {t('liveBooking.summary', {
              when: formatDateTime(start, timeZone, i18n.language),
              minutes: lengthMinutes,
              modality: t(`liveBooking.modalityWords.${modality}`),
              name,
            })}
            {recurrence &&
              ` ${t(recurrence.everyWeeks === 1 ? 'liveBooking.seriesWeekly' : 'liveBooking.seriesFortnightly', {
                count: recurrence.count,
                last: formatCalendarDate(lastSessionDay(start, recurrence.everyWeeks, recurrence.count, timeZone), i18n.language),
              })}`}
          </p>
          <p>
            {recurrence && `${t('liveBooking.eachSession')} `}
            {words.estimate(state)}{' '}
            {cost > 0 &&
              (recurrence
                ? t('liveBooking.costSeries', {
                    cost: formatCents(cost),
                    total: formatCents(cost * recurrence.count),
                    count: recurrence.count,
                  })
                : t('liveBooking.costEach', { cost: formatCents(cost) }))}
          </p>
          {requestOnly && <p>{t('liveBooking.confirms', { name })}</p>}
        </div>
      )}
      <div className="form__actions">
        <Button type="submit" loading={book.isPending}>
          {requestOnly ? t('liveBooking.request', { count: sessions }) : t('liveBooking.book', { count: sessions })}
        </Button>
      </div>
    </form>
  );
}
