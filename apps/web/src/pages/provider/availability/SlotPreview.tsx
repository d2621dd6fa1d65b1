import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlots } from '../../../api/providers.ts';
import { describeTimeZone, formatDayHeading, formatTimeOfDay } from '../../../time/formatting.ts';
import { slotsByDay } from '../../../time/slotsByDay.ts';
import { Alert, Spinner } from '../../../ui/index.ts';

const WEEK = 7 * 86_400_000;

/** The bookable times of the next seven days, as clients would see them. */
export function SlotPreview({ providerId, length }: { providerId: string; length: number }) {
  const { t, i18n } = useTranslation();
  const [range] = useState(() => {
    const from = new Date();
    return { from: from.toISOString(), to: new Date(from.getTime() + WEEK).toISOString() };
  });
  const slots = useSlots(providerId, { ...range, length });
  const locale = i18n.language;

  return (
    <section className="form__section" aria-labelledby="slots-heading">
      <h2 id="slots-heading">{t('availability.preview.heading')}</h2>
      <p className="muted">{t('availability.preview.lead', { count: length })}</p>
      {slots.isError && (
        <Alert tone="info">
          <p>{t('availability.preview.failed')}</p>
          <p>{t(`errors.${slots.error.code}`)}</p>
        </Alert>
      )}
      {slots.isPending && <Spinner label={t('availability.preview.loading')} />}
      {slots.data && (
        <>
          <p>{t('availability.preview.zone', { zone: describeTimeZone(slots.data.timeZone, locale) })}</p>
          {slots.data.slots.length === 0 ? (
            <p>{t('availability.preview.empty')}</p>
          ) : (
            <ul className="slots">
              {[...slotsByDay(slots.data.slots, slots.data.timeZone).values()].map((day) => (
                <li key={day[0]?.start}>
                  <h3 className="slots__day">{formatDayHeading(day[0]?.start ?? '', slots.data.timeZone, locale)}</h3>
                  <ul className="slots__times">
                    {day.map((slot) => (
                      <li key={slot.start}>{formatTimeOfDay(slot.start, slots.data.timeZone, locale)}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
