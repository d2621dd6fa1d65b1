import { instantToZonedParts } from '@haven/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimeOfDay } from '../../time/formatting.ts';
import { slotsByDay } from '../../time/slotsByDay.ts';
import { RadioGroup, SelectField, type Choice } from '../../ui/index.ts';

type Slot = { start: string; end: string };

type SlotPickerProps = {
  /** Prefix of the two fields' ids: `${id}-day` and `${id}-time` (the one an error summary links to). */
  id: string;
  slots: readonly Slot[];
  timeZone: string;
  lengthMinutes: number;
  value: string | null;
  onChange: (start: string | null) => void;
  error?: string;
};

/**
 * An open time, in two steps that fit a phone: a day (in the client's zone), then a time that day.
 * A chosen time that is no longer offered (the times were read again) is dropped.
 */
export function SlotPicker({ id, slots, timeZone, lengthMinutes, value, onChange, error }: SlotPickerProps) {
  const { t, i18n } = useTranslation();
  const days = slotsByDay(slots, timeZone);
  const [chosenDay, setDay] = useState<string | null>(() => (value ? instantToZonedParts(new Date(value), timeZone).date : null));
  const day = chosenDay !== null && days.has(chosenDay) ? chosenDay : ([...days.keys()][0] ?? '');
  const times = days.get(day) ?? [];
  const start = times.some((slot) => slot.start === value) ? value : null;

  // Short enough for a phone's select: "Wednesday, Nov 25".
  const dayName = new Intl.DateTimeFormat(i18n.language, { timeZone, weekday: 'long', month: 'short', day: 'numeric' });
  const timeChoices = times.map((slot): Choice<string> => ({
    value: slot.start,
    label: formatTimeOfDay(slot.start, timeZone, i18n.language),
  }));

  return (
    <>
      <SelectField
        id={`${id}-day`}
        className="care__day"
        label={t('care.book.day')}
        value={day}
        onChange={(event) => {
          setDay(event.currentTarget.value);
          onChange(null);
        }}
      >
        {[...days.entries()].map(([key, daySlots]) => (
          <option key={key} value={key}>
            {t('care.book.dayOption', { day: dayName.format(new Date(daySlots[0]?.start ?? key)), count: daySlots.length })}
          </option>
        ))}
      </SelectField>
      <RadioGroup
        id={`${id}-time`}
        legend={t('care.book.time', { minutes: lengthMinutes })}
        choices={timeChoices}
        value={start}
        onChange={onChange}
        error={error}
        inline
      />
    </>
  );
}
