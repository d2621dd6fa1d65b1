import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeTimeZone } from '../../../time/formatting.ts';
import { otherTimeZones, usTimeZones } from '../../../time/timeZones.ts';
import { SelectField } from '../../../ui/index.ts';
import { FieldError, FieldHint, describedBy } from '../../../ui/FieldParts.tsx';
import { weekOrder, useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { profileFieldIds as ids, type BusinessDay, type ProfileSectionProps } from './profileDraft.ts';

export function MessagingHoursFields({ draft, update, errorFor }: ProfileSectionProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const us: readonly string[] = usTimeZones;
  const others = useMemo(() => otherTimeZones(), []);
  const hoursError = errorFor('businessHours');
  const hint = t('providerProfile.hours.hint');

  function changeDay(weekday: number, change: Partial<BusinessDay>) {
    const businessHours = draft.businessHours.map((day, index) => (index === weekday ? { ...day, ...change } : day));
    update({ businessHours });
  }

  return (
    <section className="form__section" aria-labelledby="profile-hours-heading">
      <h2 id="profile-hours-heading">{t('providerProfile.hours.heading')}</h2>
      <p className="muted">{t('providerProfile.hours.lead')}</p>
      <SelectField
        id={ids.timeZone}
        label={t('providerProfile.hours.timeZone')}
        value={draft.timeZone}
        onChange={(event) => update({ timeZone: event.currentTarget.value })}
        error={errorFor('timeZone')}
      >
        <option value="">{t('form.choose')}</option>
        {draft.timeZone && !us.includes(draft.timeZone) && !others.includes(draft.timeZone) && (
          <option value={draft.timeZone}>{draft.timeZone}</option>
        )}
        <optgroup label={t('providerProfile.hours.usTimeZones')}>
          {usTimeZones.map((zone) => (
            <option key={zone} value={zone}>
              {describeTimeZone(zone, vocabulary.locale)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('providerProfile.hours.allTimeZones')}>
          {others.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <fieldset
        id={ids.businessHours}
        className={['choices', hoursError ? 'choices--invalid' : ''].filter(Boolean).join(' ')}
        aria-describedby={describedBy(ids.businessHours, hint, hoursError)}
      >
        <legend className="choices__legend">{t('providerProfile.hours.legend')}</legend>
        <FieldHint id={ids.businessHours} hint={hint} />
        <FieldError id={ids.businessHours} error={hoursError} />
        <ul className="hours">
          {weekOrder.map((weekday) => {
            const day = draft.businessHours[weekday];
            if (!day) return null;
            const dayName = vocabulary.weekday(weekday);
            const id = `${ids.businessHours}-${weekday}`;
            return (
              <li key={weekday} className="hours__day">
                <span className="hours__name">
                  <input
                    id={id}
                    type="checkbox"
                    className="choices__box"
                    checked={day.available}
                    onChange={(event) => changeDay(weekday, { available: event.currentTarget.checked })}
                  />
                  <label htmlFor={id}>{dayName}</label>
                </span>
                <label className="hours__time">
                  <span aria-hidden="true">{t('providerProfile.hours.start')}</span>
                  <input
                    type="time"
                    className="field__input"
                    aria-label={t('providerProfile.hours.startOf', { day: dayName })}
                    value={day.start}
                    disabled={!day.available}
                    onChange={(event) => changeDay(weekday, { start: event.currentTarget.value })}
                  />
                </label>
                <label className="hours__time">
                  <span aria-hidden="true">{t('providerProfile.hours.end')}</span>
                  <input
                    type="time"
                    className="field__input"
                    aria-label={t('providerProfile.hours.endOf', { day: dayName })}
                    value={day.end}
                    disabled={!day.available}
                    onChange={(event) => changeDay(weekday, { end: event.currentTarget.value })}
                  />
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </section>
  );
}
