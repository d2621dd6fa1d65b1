import type { Partners } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../../money/money.ts';
import { DataTable, type DataTableColumn } from '../../../ui/index.ts';

type HealthPlan = Partners['healthPlans'][number];

/** The health plans clients can name at intake, with the rate each session is billed at. */
export function HealthPlansTable({ healthPlans }: { healthPlans: Partners['healthPlans'] }) {
  const { t } = useTranslation();
  const columns: DataTableColumn<HealthPlan>[] = [
    { key: 'name', header: t('partnersOps.healthPlans.columns.name'), rowHeader: true, cell: (plan) => plan.name },
    { key: 'payerId', header: t('partnersOps.healthPlans.columns.payerId'), cell: (plan) => plan.payerId },
    {
      key: 'sessionRate',
      header: t('partnersOps.healthPlans.columns.sessionRate'),
      align: 'end',
      cell: (plan) => formatCents(plan.sessionRateCents),
    },
    { key: 'members', header: t('partnersOps.healthPlans.columns.members'), align: 'end', cell: (plan) => plan.members },
  ];

  return (
    <DataTable
      caption={t('partnersOps.healthPlans.caption', { count: healthPlans.length })}
      columns={columns}
      rows={healthPlans}
      rowKey={(plan) => plan.id}
      empty={t('partnersOps.healthPlans.empty')}
    />
  );
}
