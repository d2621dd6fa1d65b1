import type { Partners } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../../money/money.ts';
import { TableScroll } from '../../../ui/index.ts';

/** The health plans clients can name at intake, with the rate each session is billed at. */
export function HealthPlansTable({ healthPlans }: { healthPlans: Partners['healthPlans'] }) {
  const { t } = useTranslation();
  const caption = t('partnersOps.healthPlans.caption', { count: healthPlans.length });

  if (healthPlans.length === 0) return <p>{t('partnersOps.healthPlans.empty')}</p>;
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('partnersOps.healthPlans.columns.name')}</th>
            <th scope="col">{t('partnersOps.healthPlans.columns.payerId')}</th>
            <th scope="col">{t('partnersOps.healthPlans.columns.sessionRate')}</th>
            <th scope="col">{t('partnersOps.healthPlans.columns.members')}</th>
          </tr>
        </thead>
        <tbody>
          {healthPlans.map((plan) => (
            <tr key={plan.id}>
              <th scope="row">{plan.name}</th>
              <td>{plan.payerId}</td>
              <td>{formatCents(plan.sessionRateCents)}</td>
              <td>{plan.members}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
