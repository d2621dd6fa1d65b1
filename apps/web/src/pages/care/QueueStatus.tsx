import type { CareState } from '@haven/contract';
import { useTranslation } from 'react-i18next';

type QueueStatusProps = { queue: NonNullable<CareState['queue']>; currentName: string | null };

/** Where the client is in line, and an honest estimate, or none when there is no honest number. */
export function QueueStatus({ queue, currentName }: QueueStatusProps) {
  const { t } = useTranslation();
  const switching = queue.reason === 'switch' || (queue.reason === 'provider_left' && currentName !== null);

  return (
    <section className="care__section care__queue" aria-labelledby="care-queue-heading">
      <h2 id="care-queue-heading">{switching ? t('care.queue.switchHeading') : t('care.queue.heading')}</h2>
      <p>{t('care.queue.position', { position: queue.position })}</p>
      <p>
        {queue.estimateDays === null ? t('care.queue.noEstimate') : t('care.queue.estimate', { count: Math.max(1, queue.estimateDays) })}
      </p>
      <p>{t('care.queue.email')}</p>
      {currentName && <p>{t('care.queue.keepCurrent', { name: currentName })}</p>}
    </section>
  );
}
