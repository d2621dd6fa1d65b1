import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RESCREEN_INTERVAL_MAX_DAYS, RESCREEN_INTERVAL_MIN_DAYS } from '@haven/contract';
import { useCaseload } from '../../../api/caseload.ts';
import { useClientScreeners, useSetRescreenInterval } from '../../../api/screeners.ts';
import { Alert, Button, TextField } from '../../../ui/index.ts';
import { ScoreChart } from '../../screeners/ScoreChart.tsx';

/** A current client's PHQ-9 and GAD-7 over time, for their provider: chart and table, fit note, re-screen interval. */
export function ClientProgress({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const history = useClientScreeners(clientId);
  const data = history.data;
  return (
    <section className="room__panel" aria-labelledby="client-progress-heading">
      <h2 id="client-progress-heading" className="room__panel-heading">
        {t('screeners.progress.providerHeading')}
      </h2>
      {history.isError && <p>{t('screeners.loadFailed')}</p>}
      {data && (
        <>
          {data.showCrisisResources && <Alert tone="info">{t('screeners.progress.item9')}</Alert>}
          {data.suggestFitConversation && <p className="client-progress__fit">{t('screeners.fit.providerNote')}</p>}
          <ScoreChart instrument="phq9" points={data.phq9} idPrefix={`client-${clientId}`} />
          <ScoreChart instrument="gad7" points={data.gad7} idPrefix={`client-${clientId}`} />
          <p>
            {data.dueAt
              ? t(data.due ? 'screeners.progress.dueNow' : 'screeners.progress.dueOn', {
                  date: new Date(data.dueAt).toLocaleDateString(i18n.language, { month: 'short', day: 'numeric', year: 'numeric' }),
                })
              : t('screeners.none')}
          </p>
          <IntervalForm clientId={clientId} days={data.intervalDays} />
        </>
      )}
    </section>
  );
}

function IntervalForm({ clientId, days }: { clientId: string; days: number }) {
  const { t } = useTranslation();
  const save = useSetRescreenInterval(clientId);
  const [value, setValue] = useState(String(days));
  const [saved, setSaved] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate(Number(value), { onSuccess: () => setSaved(true) });
  }
  return (
    <form className="form" noValidate onSubmit={submit}>
      <TextField
        id={`rescreen-interval-${clientId}`}
        label={t('screeners.interval.label')}
        hint={t('screeners.interval.hint', { min: RESCREEN_INTERVAL_MIN_DAYS, max: RESCREEN_INTERVAL_MAX_DAYS })}
        type="number"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={save.isError ? t('screeners.interval.invalid') : undefined}
      />
      <Button type="submit" variant="secondary" loading={save.isPending}>
        {t('screeners.interval.save')}
      </Button>
      {saved && <p role="status">{t('screeners.interval.saved')}</p>}
    </form>
  );
}

/** The room aside's mount: the client whose room this is, found in the caseload. */
export function ClientProgressForRoom({ roomId }: { roomId: string }) {
  const caseload = useCaseload();
  const client = caseload.data?.clients.find((c) => c.roomId === roomId);
  return client ? <ClientProgress clientId={client.clientId} /> : null;
}
