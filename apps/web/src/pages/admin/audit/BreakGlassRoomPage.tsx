import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useBreakGlassRoom, useEndBreakGlass } from '../../../api/audit.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { browserTimeZone, formatShortDateTime } from '../../../time/formatting.ts';
import { Alert, Button, Spinner } from '../../../ui/index.ts';
import { LoadFailed } from '../../LoadFailed.tsx';

/** A client's conversation under the operator's open break-glass access: read-only, oldest first, every page audited. */
export function BreakGlassRoomPage() {
  usePageTitle('breakGlass.room.title');
  const { t, i18n } = useTranslation();
  const { grantId = '' } = useParams();
  const navigate = useNavigate();
  const room = useBreakGlassRoom(grantId);
  const end = useEndBreakGlass();
  const when = (iso: string) => formatShortDateTime(iso, browserTimeZone(), i18n.language);

  if (room.isError) return <LoadFailed failure={room.error} onRetry={() => void room.refetch()} what="breakGlass.room.loadFailed" />;
  if (!room.data) return <Spinner />;
  const grant = room.data.pages[0]!.grant;
  const messages = [...room.data.pages].reverse().flatMap((page) => page.messages);

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <p>
          <Link to="/admin/break-glass">{t('breakGlass.room.back')}</Link>
        </p>
        <h1>{t('breakGlass.room.heading', { name: grant.client.name })}</h1>
        <Alert tone="info" title={t('breakGlass.room.readOnly')}>
          <p>{t('breakGlass.room.window', { until: when(grant.expiresAt) })}</p>
          <p>{t('breakGlass.room.reason', { reason: grant.reason })}</p>
        </Alert>
        <div className="form__actions">
          <Button
            variant="secondary"
            loading={end.isPending}
            onClick={() => end.mutate(grant.id, { onSuccess: () => void navigate('/admin/break-glass') })}
          >
            {t('breakGlass.room.end')}
          </Button>
        </div>
      </div>
      {room.hasNextPage && (
        <Button variant="secondary" loading={room.isFetchingNextPage} onClick={() => void room.fetchNextPage()}>
          {t('breakGlass.room.earlier')}
        </Button>
      )}
      <ol className="stack" aria-label={t('breakGlass.room.conversation')}>
        {messages.map((m) => (
          <li key={m.id}>
            <p>
              <strong>{m.senderName}</strong> · {when(m.sentAt)}
            </p>
            <p>{m.kind === 'text' ? m.text : t('breakGlass.room.attachment', { kind: t(`breakGlass.room.kind.${m.kind}`) })}</p>
          </li>
        ))}
      </ol>
      {messages.length === 0 && <p>{t('breakGlass.room.empty')}</p>}
    </div>
  );
}
