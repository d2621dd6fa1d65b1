import type { TimeOff } from '@haven/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRemoveTimeOff } from '../../../api/workspace.ts';
import { formatDateTime } from '../../../time/formatting.ts';
import { Alert, Button, StatusMessage } from '../../../ui/index.ts';
import { TimeOffForm } from './TimeOffForm.tsx';

type TimeOffSectionProps = { timeOff: readonly TimeOff[]; timeZone: string | null; zoneName: string };

export function TimeOffSection({ timeOff, timeZone, zoneName }: TimeOffSectionProps) {
  const { t, i18n } = useTranslation();
  const remove = useRemoveTimeOff();
  const [removed, setRemoved] = useState(false);
  const zone = timeZone ?? 'UTC';
  const describe = (entry: TimeOff) =>
    t('timeOff.range', {
      start: formatDateTime(entry.startsAt, zone, i18n.language),
      end: formatDateTime(entry.endsAt, zone, i18n.language),
    });

  return (
    <section className="form__section" aria-labelledby="time-off-heading">
      <h2 id="time-off-heading">{t('timeOff.heading')}</h2>
      <p className="muted">{t('timeOff.lead')}</p>
      <StatusMessage message={removed ? t('timeOff.removed') : null} />
      {remove.isError && <Alert tone="error">{t(`errors.${remove.error.code}`)}</Alert>}
      {timeOff.length === 0 ? (
        <p>{t('timeOff.empty')}</p>
      ) : (
        <ul className="time-off__list">
          {timeOff.map((entry) => (
            <li key={entry.id} className="time-off__item">
              <span>
                {describe(entry)}
                {entry.note && <span className="table__note">{entry.note}</span>}
              </span>
              <Button
                variant="secondary"
                className="button--small"
                loading={remove.isPending && remove.variables === entry.id}
                onClick={() => {
                  setRemoved(false);
                  remove.mutate(entry.id, { onSuccess: () => setRemoved(true) });
                }}
              >
                {t('timeOff.remove')}
                <span className="visually-hidden"> {describe(entry)}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {timeZone ? (
        <TimeOffForm timeZone={timeZone} zoneName={zoneName} />
      ) : (
        <Alert tone="info">
          <p>
            {t('timeOff.needsTimeZone')} <Link to="/provider/profile">{t('timeOff.goToProfile')}</Link>
          </p>
        </Alert>
      )}
    </section>
  );
}
