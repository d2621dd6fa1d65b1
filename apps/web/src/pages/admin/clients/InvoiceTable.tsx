import type { Invoice } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../../money/money.ts';
import { browserTimeZone, formatCalendarDate, formatShortDateTime } from '../../../time/formatting.ts';
import { Badge, DataTable, type DataTableColumn } from '../../../ui/index.ts';

/** What the client was billed, and whether the payment went through. */
export function InvoiceTable({ invoices }: { invoices: readonly Invoice[] }) {
  const { t, i18n } = useTranslation();
  const date = (day: string) => formatCalendarDate(day, i18n.language);
  const columns: DataTableColumn<Invoice>[] = [
    { key: 'number', header: t('partnersOps.ledger.invoiceColumns.number'), rowHeader: true, cell: (invoice) => invoice.number },
    {
      key: 'issued',
      header: t('partnersOps.ledger.invoiceColumns.issued'),
      className: 'ledger__when',
      cell: (invoice) => formatShortDateTime(invoice.issuedAt, browserTimeZone(), i18n.language),
    },
    {
      key: 'period',
      header: t('partnersOps.ledger.invoiceColumns.period'),
      cell: (invoice) => t('partnersOps.ledger.period', { start: date(invoice.periodStart), end: date(invoice.periodEnd) }),
    },
    {
      key: 'description',
      header: t('partnersOps.ledger.invoiceColumns.description'),
      className: 'ledger__reason',
      cell: (invoice) => invoice.description,
    },
    {
      key: 'amount',
      header: t('partnersOps.ledger.invoiceColumns.amount'),
      align: 'end',
      cell: (invoice) => formatCents(invoice.amountCents),
    },
    {
      key: 'status',
      header: t('partnersOps.ledger.invoiceColumns.status'),
      cell: (invoice) =>
        invoice.status === 'paid' ? (
          <Badge tone="success">{t('partnersOps.ledger.paid')}</Badge>
        ) : (
          <Badge tone="danger">{t('partnersOps.ledger.failed')}</Badge>
        ),
    },
    {
      key: 'receipt',
      header: t('partnersOps.ledger.invoiceColumns.receipt'),
      cell: (invoice) => invoice.receipt ?? t('partnersOps.ledger.noReceipt'),
    },
  ];

  return (
    <DataTable
      caption={t('partnersOps.ledger.invoicesCaption', { count: invoices.length })}
      columns={columns}
      rows={invoices}
      rowKey={(invoice) => invoice.id}
      empty={t('partnersOps.ledger.noInvoices')}
    />
  );
}
