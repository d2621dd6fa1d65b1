import type { LedgerEntry } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { browserTimeZone, formatCalendarDate, formatShortDateTime } from '../../../time/formatting.ts';
import { TableScroll } from '../../../ui/index.ts';

/** Every credit granted, reserved, spent, returned or expired, newest first, with its reason. */
export function LedgerTable({ entries }: { entries: readonly LedgerEntry[] }) {
  const { t, i18n } = useTranslation();
  const amount = new Intl.NumberFormat(i18n.language, { signDisplay: 'exceptZero' });
  const caption = t('partnersOps.ledger.entriesCaption', { count: entries.length });

  if (entries.length === 0) return <p>{t('partnersOps.ledger.noEntries')}</p>;
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('partnersOps.ledger.columns.at')}</th>
            <th scope="col">{t('partnersOps.ledger.columns.kind')}</th>
            <th scope="col">{t('partnersOps.ledger.columns.amount')}</th>
            <th scope="col">{t('partnersOps.ledger.columns.reason')}</th>
            <th scope="col">{t('partnersOps.ledger.columns.period')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="ledger__when">{formatShortDateTime(entry.at, browserTimeZone(), i18n.language)}</td>
              <td>{t(`partnersOps.ledger.kind.${entry.kind}`)}</td>
              <td>{amount.format(entry.amount)}</td>
              <td className="ledger__reason">{entry.reason}</td>
              <td>{entry.period ? formatCalendarDate(entry.period, i18n.language) : t('partnersOps.ledger.noPeriod')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
