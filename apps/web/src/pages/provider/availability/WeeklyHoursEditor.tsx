import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/index.ts';
import { describedBy, FieldError, FieldHint } from '../../../ui/FieldParts.tsx';
import { useVocabulary, weekOrder } from '../../../vocabulary/useVocabulary.ts';
import { newHours, type HoursDraft } from './availabilityDraft.ts';

type WeeklyHoursEditorProps = {
  id: string;
  weekly: HoursDraft[][];
  onChange: (weekly: HoursDraft[][]) => void;
  /** Names the provider's time zone, in which the hours are read. */
  hint: string;
  error?: string;
};

/** Zero or more stretches of hours for each weekday. */
export function WeeklyHoursEditor({ id, weekly, onChange, hint, error }: WeeklyHoursEditorProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  // A stretch just added takes focus, so that its hours are the next thing typed.
  const [added, setAdded] = useState<number | null>(null);

  function changeDay(weekday: number, hours: HoursDraft[]) {
    onChange(weekly.map((day, index) => (index === weekday ? hours : day)));
  }

  return (
    <fieldset
      id={id}
      className={['choices', error ? 'choices--invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="choices__legend">{t('availability.weekly.legend')}</legend>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <div className="week">
        {weekOrder.map((weekday) => {
          const hours = weekly[weekday] ?? [];
          const day = vocabulary.weekday(weekday);
          const addId = `${id}-add-${weekday}`;
          const change = (key: number, edit: Partial<HoursDraft>) =>
            changeDay(
              weekday,
              hours.map((stretch) => (stretch.key === key ? { ...stretch, ...edit } : stretch)),
            );
          const remove = (key: number) => {
            changeDay(
              weekday,
              hours.filter((stretch) => stretch.key !== key),
            );
            document.getElementById(addId)?.focus();
          };
          return (
            <div key={weekday} className="week__day">
              <h3 className="week__name">{day}</h3>
              {hours.length === 0 && <p className="muted week__closed">{t('availability.weekly.none')}</p>}
              {hours.map((stretch, index) => {
                const name = t('availability.weekly.hoursName', { day, number: index + 1 });
                return (
                  <div key={stretch.key} className="week__hours">
                    <label className="hours__time">
                      <span aria-hidden="true">{t('availability.weekly.start')}</span>
                      <input
                        type="time"
                        className="field__input"
                        aria-label={t('availability.weekly.startOf', { hours: name })}
                        value={stretch.start}
                        autoFocus={stretch.key === added}
                        onChange={(event) => change(stretch.key, { start: event.currentTarget.value })}
                      />
                    </label>
                    <label className="hours__time">
                      <span aria-hidden="true">{t('availability.weekly.end')}</span>
                      <input
                        type="time"
                        className="field__input"
                        aria-label={t('availability.weekly.endOf', { hours: name })}
                        value={stretch.end}
                        onChange={(event) => change(stretch.key, { end: event.currentTarget.value })}
                      />
                    </label>
                    <Button variant="quiet" className="button--small" onClick={() => remove(stretch.key)}>
                      {t('availability.weekly.remove')}
                      <span className="visually-hidden"> {name}</span>
                    </Button>
                  </div>
                );
              })}
              <Button
                id={addId}
                variant="secondary"
                className="button--small week__add"
                onClick={() => {
                  const stretch = hours.length === 0 ? newHours('09:00', '17:00') : newHours();
                  changeDay(weekday, [...hours, stretch]);
                  setAdded(stretch.key);
                }}
              >
                {t('availability.weekly.add')}
                <span className="visually-hidden"> {t('availability.weekly.addOn', { day })}</span>
              </Button>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
