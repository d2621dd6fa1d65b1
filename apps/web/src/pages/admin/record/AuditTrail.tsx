import type { AuditEntry } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { browserTimeZone, formatDateTime } from '../../../time/formatting.ts';
import { TableScroll } from '../../../ui/index.ts';

/** Who did what to this provider's record, newest first. */
export function AuditTrail({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const caption = t('adminProvider.audit.caption');
  const newestFirst = [...entries].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <section className="form__section" aria-labelledby="record-audit">
      <h2 id="record-audit">{t('adminProvider.audit.heading')}</h2>
      {entries.length === 0 ? (
        <p>{t('adminProvider.audit.empty')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('adminProvider.audit.at')}</th>
                <th scope="col">{t('adminProvider.audit.actor')}</th>
                <th scope="col">{t('adminProvider.audit.action')}</th>
                <th scope="col">{t('adminProvider.audit.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at, browserTimeZone(), i18n.language)}</td>
                  <td>{entry.actor}</td>
                  <td>{entry.action}</td>
                  <td>{entry.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
