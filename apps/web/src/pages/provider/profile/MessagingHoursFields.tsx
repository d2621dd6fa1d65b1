import { useTranslation } from 'react-i18next';
import { TimeZoneField } from '../../../time/TimeZoneField.tsx';
import { FieldError, FieldHint, describedBy } from '../../../ui/FieldParts.tsx';
import { weekOrder, useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { profileFieldIds as ids, type BusinessDay, type ProfileSectionProps } from './profileDraft.ts';

export function MessagingHoursFields({ draft, update, errorFor }: ProfileSectionProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
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
      <TimeZoneField
        id={ids.timeZone}
        label={t('providerProfile.hours.timeZone')}
        value={draft.timeZone}
        onChange={(timeZone) => update({ timeZone })}
        error={errorFor('timeZone')}
      />
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
