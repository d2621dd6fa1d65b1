import type { LedgerEntry } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { browserTimeZone, formatCalendarDate, formatShortDateTime } from '../../../time/formatting.ts';
import { DataTable, type DataTableColumn } from '../../../ui/index.ts';

/** Every credit granted, reserved, spent, returned or expired, newest first, with its reason. */
export function LedgerTable({ entries }: { entries: readonly LedgerEntry[] }) {
  const { t, i18n } = useTranslation();
  const amount = new Intl.NumberFormat(i18n.language, { signDisplay: 'exceptZero' });
  const columns: DataTableColumn<LedgerEntry>[] = [
    {
      key: 'at',
      header: t('partnersOps.ledger.columns.at'),
      className: 'ledger__when',
      cell: (entry) => formatShortDateTime(entry.at, browserTimeZone(), i18n.language),
    },
    { key: 'kind', header: t('partnersOps.ledger.columns.kind'), cell: (entry) => t(`partnersOps.ledger.kind.${entry.kind}`) },
    { key: 'amount', header: t('partnersOps.ledger.columns.amount'), align: 'end', cell: (entry) => amount.format(entry.amount) },
    { key: 'reason', header: t('partnersOps.ledger.columns.reason'), className: 'ledger__reason', cell: (entry) => entry.reason },
    {
      key: 'period',
      header: t('partnersOps.ledger.columns.period'),
      cell: (entry) => (entry.period ? formatCalendarDate(entry.period, i18n.language) : t('partnersOps.ledger.noPeriod')),
    },
  ];

  return (
    <DataTable
      caption={t('partnersOps.ledger.entriesCaption', { count: entries.length })}
      columns={columns}
      rows={entries}
      rowKey={(entry) => entry.id}
      empty={t('partnersOps.ledger.noEntries')}
    />
  );
}
