import type { Invoice } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../../money/money.ts';
import { browserTimeZone, formatCalendarDate, formatShortDateTime } from '../../../time/formatting.ts';
import { Badge, TableScroll } from '../../../ui/index.ts';

/** What the client was billed, and whether the payment went through. */
export function InvoiceTable({ invoices }: { invoices: readonly Invoice[] }) {
  const { t, i18n } = useTranslation();
  const date = (day: string) => formatCalendarDate(day, i18n.language);
  const caption = t('partnersOps.ledger.invoicesCaption', { count: invoices.length });

  if (invoices.length === 0) return <p>{t('partnersOps.ledger.noInvoices')}</p>;
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('partnersOps.ledger.invoiceColumns.number')}</th>
            <th scope="col">{t('partnersOps.ledger.invoiceColumns.issued')}</th>
            <th scope="col">{t('partnersOps.ledger.invoiceColumns.period')}</th>
            <th scope="col">{t('partnersOps.ledger.invoiceColumns.description')}</th>
            <th scope="col">{t('partnersOps.ledger.invoiceColumns.amount')}</th>
            <th scope="col">{t('partnersOps.ledger.invoiceColumns.status')}</th>
            <th scope="col">{t('partnersOps.ledger.invoiceColumns.receipt')}</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.id}>
              <th scope="row">{invoice.number}</th>
              <td className="ledger__when">{formatShortDateTime(invoice.issuedAt, browserTimeZone(), i18n.language)}</td>
              <td>{t('partnersOps.ledger.period', { start: date(invoice.periodStart), end: date(invoice.periodEnd) })}</td>
              <td className="ledger__reason">{invoice.description}</td>
              <td>{formatCents(invoice.amountCents)}</td>
              <td>
                {invoice.status === 'paid' ? (
                  <Badge tone="success">{t('partnersOps.ledger.paid')}</Badge>
                ) : (
                  <Badge tone="danger">{t('partnersOps.ledger.failed')}</Badge>
                )}
              </td>
              <td>{invoice.receipt ?? t('partnersOps.ledger.noReceipt')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
