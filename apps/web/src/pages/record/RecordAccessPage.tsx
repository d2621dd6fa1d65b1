import type { RecordAccess } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRecordAccess } from '../../api/audit.ts';
import { RequireAccount } from '../../app/RequireAccount.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { browserTimeZone, formatCalendarDate, formatShortDateTime } from '../../time/formatting.ts';
import { Alert, DataTable, Spinner, type DataTableColumn } from '../../ui/index.ts';
import { LoadFailed } from '../LoadFailed.tsx';
import '../workspace.css';

/** "Who saw my record": every person who opened a client's record, and when — `/record-access`. */
export function RecordAccessPage() {
  usePageTitle('recordAccess.heading');
  const { t } = useTranslation();
  return (
    <RequireAccount role="client">
      {() => (
        <div className="workspace">
          <div className="workspace__intro">
            <p>
              <Link to="/settings">{t('recordAccess.back')}</Link>
            </p>
            <h1>{t('recordAccess.heading')}</h1>
            <p>{t('recordAccess.intro')}</p>
          </div>
          <AccessList />
        </div>
      )}
    </RequireAccount>
  );
}

function AccessList() {
  const { t, i18n } = useTranslation();
  const access = useRecordAccess();
  if (access.isError)
    return <LoadFailed failure={access.error} onRetry={() => void access.refetch()} what="recordAccess.loadFailed" asPage={false} />;
  if (!access.data) return <Spinner />;
  const when = (iso: string) => formatShortDateTime(iso, browserTimeZone(), i18n.language);
  const breakGlass = access.data.entries.filter((e) => e.breakGlass);
  const columns: DataTableColumn<RecordAccess>[] = [
    { key: 'day', header: t('recordAccess.day'), rowHeader: true, cell: (e) => formatCalendarDate(e.day, i18n.language) },
    {
      key: 'who',
      header: t('recordAccess.who'),
      cell: (e) => t(`recordAccess.role.${e.breakGlass ? 'breakGlass' : e.who.role}`, { name: e.who.name }),
    },
    { key: 'part', header: t('recordAccess.what'), cell: (e) => t(`recordAccess.part.${e.part}`) },
    {
      key: 'times',
      header: t('recordAccess.when'),
      cell: (e) =>
        e.times === 1 ? when(e.lastAt) : t('recordAccess.times', { count: e.times, first: when(e.firstAt), last: when(e.lastAt) }),
    },
  ];
  return (
    <>
      {breakGlass.map((e) => (
        <Alert key={`${e.breakGlass!.openedAt}`} tone="info" title={t('recordAccess.breakGlassTitle')}>
          <p>
            {t('recordAccess.breakGlassBody', {
              name: e.who.name,
              from: when(e.breakGlass!.openedAt),
              until: when(e.breakGlass!.expiresAt),
            })}
          </p>
          <p>{t('recordAccess.breakGlassReason', { reason: e.breakGlass!.reason })}</p>
        </Alert>
      ))}
      <DataTable
        caption={t('recordAccess.caption')}
        captionHidden
        columns={columns}
        rows={access.data.entries}
        rowKey={(e) => `${e.day}|${e.who.name}|${e.part}|${e.breakGlass?.openedAt ?? ''}`}
        empty={t('recordAccess.empty')}
      />
    </>
  );
}
