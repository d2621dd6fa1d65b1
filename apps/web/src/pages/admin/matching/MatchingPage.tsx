import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatchingOverview, useResponseTimes, useRunMatchingBatch } from '../../../api/matchingOps.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { Alert, Button, Spinner, StatusMessage } from '../../../ui/index.ts';
import { LoadFailed } from '../../LoadFailed.tsx';
import { MatchingFigures } from './MatchingFigures.tsx';
import { ResponseTimesTable } from './ResponseTimesTable.tsx';
import { WaitingClients } from './WaitingClients.tsx';
import './matchingOps.css';

/** Time-to-match and the queue (PRODUCT §2.3), with a way to run the batch assignment now. */
export function MatchingPage() {
  const { t } = useTranslation();
  usePageTitle('matchingOps.matching.heading');
  const overview = useMatchingOverview();
  const run = useRunMatchingBatch();
  const responses = useResponseTimes();
  const [message, setMessage] = useState<string | null>(null);

  function runBatch() {
    // Emptied first, so that the same result twice is still announced twice.
    setMessage(null);
    run.mutate(undefined, {
      onSuccess: ({ lastBatch, queue }) =>
        setMessage(t('matchingOps.matching.ran', { assigned: lastBatch?.assigned ?? 0, waiting: lastBatch?.stillWaiting ?? queue.size })),
    });
  }

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('matchingOps.matching.heading')}</h1>
        <p className="lead">{t('matchingOps.matching.lead')}</p>
      </div>
      {overview.isError && (
        <LoadFailed
          failure={overview.error}
          onRetry={() => void overview.refetch()}
          what="matchingOps.matching.loadFailed"
          asPage={false}
        />
      )}
      {overview.isPending && <Spinner />}
      {overview.data && <MatchingFigures overview={overview.data} />}
      <section className="stack" aria-labelledby="batch-heading">
        <h2 id="batch-heading">{t('matchingOps.matching.batchHeading')}</h2>
        <p id="batch-hint">{t('matchingOps.matching.runHint')}</p>
        {run.isError && <Alert tone="error">{t(`errors.${run.error.code}`)}</Alert>}
        <Button variant="secondary" loading={run.isPending} onClick={runBatch} aria-describedby="batch-hint">
          {t('matchingOps.matching.run')}
        </Button>
        <StatusMessage message={message} />
      </section>
      {overview.data && (
        <section className="stack" aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">{t('matchingOps.matching.waitingHeading')}</h2>
          <WaitingClients queue={overview.data.queue} />
        </section>
      )}
      <section className="stack" aria-labelledby="responses-heading">
        <h2 id="responses-heading">{t('matchingOps.responses.heading')}</h2>
        <p>{t('matchingOps.responses.lead')}</p>
        {responses.isPending && <Spinner />}
        {responses.isError && <Alert tone="error">{t(`errors.${responses.error.code}`)}</Alert>}
        {responses.data && <ResponseTimesTable times={responses.data} />}
      </section>
    </div>
  );
}
