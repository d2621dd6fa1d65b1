import type { FirstSessionChoice, FirstSessionSlots } from '@haven/contract';
import { instantToZonedParts } from '@haven/domain';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useFirstSessionSlots } from '../../../api/care.ts';
import { describeTimeZone, formatDayHeading, formatTimeOfDay } from '../../../time/formatting.ts';
import { slotsByDay } from '../../../time/slotsByDay.ts';
import { Alert, Button, Spinner } from '../../../ui/index.ts';
import { MatchReasons } from '../../care/MatchReasons.tsx';
import { ProviderSummary } from '../../care/ProviderSummary.tsx';

const FORTNIGHT = 14 * 86_400_000;
/** Days of times shown for each provider before "show more". */
const DAYS_SHOWN = 3;
const CHOICE_NAME = 'first-session';

type ProviderSlots = FirstSessionSlots['providers'][number];

type FirstSessionStepProps = {
  timeZone: string;
  choice: FirstSessionChoice | null;
  onChoose: (choice: FirstSessionChoice | null) => void;
};

/** Open first-session times for the next two weeks, grouped by provider, best fit first; or skip. */
export function FirstSessionStep({ timeZone, choice, onChoose }: FirstSessionStepProps) {
  const { t, i18n } = useTranslation();
  const [range] = useState(() => {
    const from = new Date();
    return { from: from.toISOString(), to: new Date(from.getTime() + FORTNIGHT).toISOString() };
  });
  const slots = useFirstSessionSlots(range, true);

  if (slots.isPending) return <Spinner label={t('intake.firstSession.loading')} />;
  if (slots.isError) {
    return (
      <Alert tone="info">
        <p>{t('intake.firstSession.failed')}</p>
        <p>{t(`errors.${slots.error.code}`)}</p>
      </Alert>
    );
  }
  const providers = slots.data.providers.filter((entry) => entry.slots.length > 0);
  if (providers.length === 0) return <p>{t('intake.firstSession.empty')}</p>;

  return (
    <fieldset className="choices first-session">
      <legend className="choices__legend">{t('intake.firstSession.choose')}</legend>
      <p className="muted">{t('intake.firstSession.zone', { zone: describeTimeZone(timeZone, i18n.language) })}</p>
      <div className="choices__item first-session__skip">
        <input
          id="first-session-skip"
          type="radio"
          name={CHOICE_NAME}
          className="choices__box"
          checked={choice === null}
          onChange={() => onChoose(null)}
          aria-describedby="first-session-skip-description"
        />
        <span>
          <label htmlFor="first-session-skip" className="choices__label choices__label--strong">
            {t('intake.firstSession.skip')}
          </label>
          <span id="first-session-skip-description" className="choices__description">
            {t('intake.firstSession.skipDescription')}
          </span>
        </span>
      </div>
      {providers.map((entry) => (
        <ProviderTimes key={entry.provider.id} entry={entry} timeZone={timeZone} choice={choice} onChoose={onChoose} />
      ))}
    </fieldset>
  );
}

type ProviderTimesProps = {
  entry: ProviderSlots;
  timeZone: string;
  choice: FirstSessionChoice | null;
  onChoose: (choice: FirstSessionChoice) => void;
};

function ProviderTimes({ entry, timeZone, choice, onChoose }: ProviderTimesProps) {
  const { t, i18n } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const { provider, reasons, lengthMinutes } = entry;
  const name = `${provider.firstName} ${provider.lastName}`;
  const idBase = `first-session-${provider.id}`;
  const days = [...slotsByDay(entry.slots, timeZone).values()];
  const shown = showAll ? days : days.slice(0, DAYS_SHOWN);
  const slotId = (start: string) => `${idBase}-${start}`;
  const firstRevealed = days[DAYS_SHOWN]?.[0]?.start;

  /** "Show more" disappears once used: focus moves to the first time it revealed rather than being lost. */
  function revealAll() {
    flushSync(() => setShowAll(true));
    if (firstRevealed) document.getElementById(slotId(firstRevealed))?.focus();
  }

  return (
    <section className="first-session__provider" aria-labelledby={`${idBase}-name`}>
      <ProviderSummary provider={provider} headingId={`${idBase}-name`} />
      <MatchReasons reasons={reasons} />
      <fieldset className="choices">
        <legend className="choices__legend">
          {t('intake.firstSession.timesWith', { name })}{' '}
          <span className="muted">({t('intake.firstSession.length', { count: lengthMinutes })})</span>
        </legend>
        {shown.map((day) => {
          const first = day[0]?.start ?? '';
          const dayId = `${idBase}-${instantToZonedParts(new Date(first), timeZone).date}`;
          return (
            <div key={dayId} role="group" aria-labelledby={dayId} className="slot-day">
              <p id={dayId} className="slot-day__heading">
                {formatDayHeading(first, timeZone, i18n.language)}
              </p>
              <ul className="slot-day__times">
                {day.map((slot) => {
                  const inputId = slotId(slot.start);
                  const chosen = choice?.providerId === provider.id && choice.start === slot.start;
                  return (
                    <li key={slot.start} className="slot-choice">
                      <input
                        id={inputId}
                        type="radio"
                        name={CHOICE_NAME}
                        checked={chosen}
                        onChange={() => onChoose({ providerId: provider.id, start: slot.start, lengthMinutes })}
                      />
                      <label htmlFor={inputId}>{formatTimeOfDay(slot.start, timeZone, i18n.language)}</label>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
        {shown.length < days.length && (
          <Button variant="quiet" onClick={revealAll}>
            {t('intake.firstSession.moreTimes', { name })}
          </Button>
        )}
      </fieldset>
    </section>
  );
}
