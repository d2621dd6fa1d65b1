import type { SignInSession } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { useEndSignInSession, useSignInSessions, useSignOutOthers } from '../../api/account.ts';
import { browserTimeZone, formatShortDateTime } from '../../time/formatting.ts';
import { Alert, Badge, ConfirmButton, DataTable, Spinner, type DataTableColumn } from '../../ui/index.ts';

/** Settings → Signed-in devices: each sign-in of the account, ending one, or all but this one. */
export function SignInSessions() {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatShortDateTime(iso, browserTimeZone(), i18n.language);
  const sessions = useSignInSessions();
  const end = useEndSignInSession();
  const others = useSignOutOthers();

  const columns: DataTableColumn<SignInSession>[] = [
    {
      key: 'device',
      header: t('settings.sessions.device'),
      rowHeader: true,
      cell: (s) => (
        <>
          {s.device ?? t('settings.sessions.unknownDevice')} {s.current && <Badge tone="success">{t('settings.sessions.current')}</Badge>}
        </>
      ),
    },
    { key: 'created', header: t('settings.sessions.signedIn'), cell: (s) => when(s.createdAt) },
    { key: 'seen', header: t('settings.sessions.lastSeen'), cell: (s) => when(s.lastSeenAt) },
    {
      key: 'end',
      header: t('settings.sessions.actions'),
      cell: (s) =>
        s.current ? null : (
          <ConfirmButton
            label={t('settings.sessions.end')}
            question={t('settings.sessions.endQuestion')}
            confirmLabel={t('settings.sessions.endConfirm')}
            cancelLabel={t('settings.sessions.cancel')}
            small
            variant="secondary"
            pending={end.isPending && end.variables === s.id}
            onConfirm={() => end.mutate(s.id)}
          />
        ),
    },
  ];

  return (
    <section aria-labelledby="sessions-settings-heading">
      <h2 id="sessions-settings-heading">{t('settings.sessions.heading')}</h2>
      <p>{t('settings.sessions.lead')}</p>
      {sessions.isPending && <Spinner label={t('settings.sessions.loading')} />}
      {sessions.isError && (
        <Alert tone="error">
          <p>{t(`errors.${sessions.error.code}`)}</p>
        </Alert>
      )}
      {end.isError && (
        <Alert tone="error">
          <p>{t(`errors.${end.error.code}`)}</p>
        </Alert>
      )}
      {others.isSuccess && (
        <Alert tone="success">
          <p>{t('settings.sessions.othersEnded', { count: others.data.ended })}</p>
        </Alert>
      )}
      {sessions.data && (
        <DataTable
          caption={t('settings.sessions.caption')}
          columns={columns}
          rows={sessions.data}
          rowKey={(s) => s.id}
          empty={t('settings.sessions.empty')}
        />
      )}
      {sessions.data && sessions.data.some((s) => !s.current) && (
        <ConfirmButton
          label={t('settings.sessions.signOutOthers')}
          question={t('settings.sessions.signOutOthersQuestion')}
          confirmLabel={t('settings.sessions.signOutOthersConfirm')}
          cancelLabel={t('settings.sessions.cancel')}
          pending={others.isPending}
          onConfirm={() => others.mutate()}
        />
      )}
    </section>
  );
}
