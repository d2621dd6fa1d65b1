import type { MatchingOverview } from '@haven/contract';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../ui/index.ts';
import { useHumanTime } from './useHumanTime.ts';

function Figure({ title, value, note }: { title: string; value: string; note?: ReactNode }) {
  return (
    <Card title={title} className="figure">
      <p className="figure__value">{value}</p>
      {note && <p className="figure__note">{note}</p>}
    </Card>
  );
}

/** The queue, time-to-match over the window, and the last batch assignment, at a glance. */
export function MatchingFigures({ overview }: { overview: MatchingOverview }) {
  const { t } = useTranslation();
  const time = useHumanTime();
  const { queue, timeToMatch, lastBatch } = overview;
  const windowNote = t('matchingOps.matching.window', { count: timeToMatch.matches, days: timeToMatch.windowDays });
  const matchTime = (seconds: number | null) => (seconds === null ? t('matchingOps.matching.noMatches') : time.duration(seconds));

  return (
    <div className="card-grid figures">
      <Figure
        title={t('matchingOps.matching.queueHeading')}
        value={t('matchingOps.matching.queueSize', { count: queue.size })}
        note={t('matchingOps.matching.queueNote')}
      />
      <Figure title={t('matchingOps.matching.medianHeading')} value={matchTime(timeToMatch.medianSeconds)} note={windowNote} />
      <Figure title={t('matchingOps.matching.p90Heading')} value={matchTime(timeToMatch.p90Seconds)} note={windowNote} />
      <Figure
        title={t('matchingOps.matching.lastBatchHeading')}
        value={lastBatch ? time.ago(lastBatch.at) : t('matchingOps.matching.neverRun')}
        note={
          lastBatch
            ? t('matchingOps.matching.lastBatchNote', {
                assigned: lastBatch.assigned,
                waiting: lastBatch.stillWaiting,
                when: time.at(lastBatch.at),
              })
            : undefined
        }
      />
    </div>
  );
}
