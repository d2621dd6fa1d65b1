import type { Invoice, LedgerEntry } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../money/money.ts';
import { browserTimeZone, formatCalendarDate, formatTimeOfDay } from '../../time/formatting.ts';
import { instantToZonedParts } from '@haven/domain';
import { Badge, DataTable, type DataTableColumn } from '../../ui/index.ts';

/** Every session added, held, used, returned or expired, newest first (as the API lists them). */
export function LedgerHistory({ entries }: { entries: readonly LedgerEntry[] }) {
  const { t, i18n } = useTranslation();
  const change = new Intl.NumberFormat(i18n.language, { signDisplay: 'exceptZero' });
  const zone = browserTimeZone();
  const columns: DataTableColumn<LedgerEntry>[] = [
    {
      key: 'date',
      header: t('plan.ledger.date'),
      cell: (entry) => (
        <>
          <span className="plan-history__nowrap">
            {formatCalendarDate(instantToZonedParts(new Date(entry.at), zone).date, i18n.language)}
          </span>
          <span className="table__note">{formatTimeOfDay(entry.at, zone, i18n.language)}</span>
        </>
      ),
    },
    {
      key: 'what',
      header: t('plan.ledger.what'),
      cell: (entry) => (
        <>
          {t(`plan.ledger.kind.${entry.kind}`)}
          <span className="table__note">{entry.reason}</span>
        </>
      ),
    },
    { key: 'change', header: t('plan.ledger.change'), align: 'end', cell: (entry) => change.format(entry.amount) },
  ];

  return (
    <section className="care__section" aria-labelledby="plan-ledger-heading">
      <h2 id="plan-ledger-heading">{t('plan.ledger.heading')}</h2>
      <DataTable
        caption={t('plan.ledger.caption')}
        columns={columns}
        rows={entries}
        rowKey={(entry) => entry.id}
        empty={t('plan.ledger.empty')}
      />
    </section>
  );
}

/** What was charged, newest first, and the receipt for each payment. */
export function InvoiceHistory({ invoices }: { invoices: readonly Invoice[] }) {
  const { t, i18n } = useTranslation();
  const columns: DataTableColumn<Invoice>[] = [
    {
      key: 'number',
      header: t('plan.invoices.number'),
      rowHeader: true,
      className: 'plan-history__nowrap',
      cell: (invoice) => invoice.number,
    },
    {
      key: 'date',
      header: t('plan.invoices.date'),
      className: 'plan-history__nowrap',
      cell: (invoice) => formatCalendarDate(instantToZonedParts(new Date(invoice.issuedAt), browserTimeZone()).date, i18n.language),
    },
    { key: 'description', header: t('plan.invoices.description'), cell: (invoice) => invoice.description },
    { key: 'amount', header: t('plan.invoices.amount'), align: 'end', cell: (invoice) => formatCents(invoice.amountCents) },
    {
      key: 'status',
      header: t('plan.invoices.status'),
      cell: (invoice) => <Badge tone={invoice.status === 'paid' ? 'success' : 'danger'}>{t(`plan.invoices.${invoice.status}`)}</Badge>,
    },
    { key: 'receipt', header: t('plan.invoices.receipt'), cell: (invoice) => invoice.receipt ?? t('plan.invoices.noReceipt') },
  ];

  return (
    <section className="care__section" aria-labelledby="plan-invoices-heading">
      <h2 id="plan-invoices-heading">{t('plan.invoices.heading')}</h2>
      <DataTable
        caption={t('plan.invoices.caption')}
        columns={columns}
        rows={invoices}
        rowKey={(invoice) => invoice.id}
        empty={t('plan.invoices.empty')}
      />
    </section>
  );
}
