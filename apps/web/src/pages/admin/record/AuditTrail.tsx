import type { AuditEntry } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { browserTimeZone, formatDateTime } from '../../../time/formatting.ts';
import { DataTable, type DataTableColumn } from '../../../ui/index.ts';

/** Who did what to this provider's record, newest first. */
export function AuditTrail({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const newestFirst = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  const columns: DataTableColumn<AuditEntry>[] = [
    { key: 'at', header: t('adminProvider.audit.at'), cell: (entry) => formatDateTime(entry.at, browserTimeZone(), i18n.language) },
    { key: 'actor', header: t('adminProvider.audit.actor'), cell: (entry) => entry.actor },
    { key: 'action', header: t('adminProvider.audit.action'), cell: (entry) => entry.action },
    { key: 'reason', header: t('adminProvider.audit.reason'), cell: (entry) => entry.reason ?? '' },
  ];

  return (
    <section className="form__section" aria-labelledby="record-audit">
      <h2 id="record-audit">{t('adminProvider.audit.heading')}</h2>
      <DataTable
        caption={t('adminProvider.audit.caption')}
        captionHidden
        columns={columns}
        rows={newestFirst}
        rowKey={(entry) => entry.id}
        empty={t('adminProvider.audit.empty')}
      />
    </section>
  );
}
