import type { Invoice, LedgerEntry } from '@haven/contract';
import { instantToZonedParts } from '@haven/domain';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../money/money.ts';
import { browserTimeZone, formatCalendarDate, formatTimeOfDay } from '../../time/formatting.ts';
import { Badge, TableScroll } from '../../ui/index.ts';

/** Every session added, held, used, returned or expired, newest first (as the API lists them). */
export function LedgerHistory({ entries }: { entries: readonly LedgerEntry[] }) {
  const { t, i18n } = useTranslation();
  const change = new Intl.NumberFormat(i18n.language, { signDisplay: 'exceptZero' });
  const caption = t('plan.ledger.caption');
  const zone = browserTimeZone();

  return (
    <section className="care__section" aria-labelledby="plan-ledger-heading">
      <h2 id="plan-ledger-heading">{t('plan.ledger.heading')}</h2>
      {entries.length === 0 ? (
        <p>{t('plan.ledger.empty')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.ledger.date')}</th>
                <th scope="col">{t('plan.ledger.what')}</th>
                <th scope="col">{t('plan.ledger.change')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <span className="plan-history__nowrap">
                      {formatCalendarDate(instantToZonedParts(new Date(entry.at), zone).date, i18n.language)}
                    </span>
                    <span className="table__note">{formatTimeOfDay(entry.at, zone, i18n.language)}</span>
                  </td>
                  <td>
                    {t(`plan.ledger.kind.${entry.kind}`)}
                    <span className="table__note">{entry.reason}</span>
                  </td>
                  <td>{change.format(entry.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** What was charged, newest first, and the receipt for each payment. */
export function InvoiceHistory({ invoices }: { invoices: readonly Invoice[] }) {
  const { t, i18n } = useTranslation();
  const caption = t('plan.invoices.caption');

  return (
    <section className="care__section" aria-labelledby="plan-invoices-heading">
      <h2 id="plan-invoices-heading">{t('plan.invoices.heading')}</h2>
      {invoices.length === 0 ? (
        <p>{t('plan.invoices.empty')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.invoices.number')}</th>
                <th scope="col">{t('plan.invoices.date')}</th>
                <th scope="col">{t('plan.invoices.description')}</th>
                <th scope="col">{t('plan.invoices.amount')}</th>
                <th scope="col">{t('plan.invoices.status')}</th>
                <th scope="col">{t('plan.invoices.receipt')}</th>
              </tr>
            </thead>
            <tbody>
              {invoices.map((invoice) => (
                <tr key={invoice.id}>
                  <th scope="row" className="plan-history__nowrap">
                    {invoice.number}
                  </th>
                  <td className="plan-history__nowrap">
                    {formatCalendarDate(instantToZonedParts(new Date(invoice.issuedAt), browserTimeZone()).date, i18n.language)}
                  </td>
                  <td>{invoice.description}</td>
                  <td>{formatCents(invoice.amountCents)}</td>
                  <td>
                    <Badge tone={invoice.status === 'paid' ? 'success' : 'danger'}>{t(`plan.invoices.${invoice.status}`)}</Badge>
                  </td>
                  <td>{invoice.receipt ?? t('plan.invoices.noReceipt')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
