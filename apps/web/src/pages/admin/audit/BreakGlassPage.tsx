import { BreakGlassReviewForm, type BreakGlassGrant } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBreakGlassList, useReviewBreakGlass } from '../../../api/audit.ts';
import { useMe } from '../../../api/client.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { browserTimeZone, formatShortDateTime } from '../../../time/formatting.ts';
import { Alert, Badge, Card, Spinner } from '../../../ui/index.ts';
import { LoadFailed } from '../../LoadFailed.tsx';
import { ReasonForm } from '../record/ReasonForm.tsx';

/** Every break-glass access, those waiting for a second operator's review first. */
export function BreakGlassPage() {
  usePageTitle('breakGlass.list.heading');
  const { t } = useTranslation();
  const list = useBreakGlassList();
  if (list.isError) return <LoadFailed failure={list.error} onRetry={() => void list.refetch()} what="breakGlass.list.loadFailed" />;
  if (!list.data) return <Spinner />;
  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('breakGlass.list.heading')}</h1>
        <p>{t('breakGlass.list.intro')}</p>
      </div>
      {list.data.grants.length === 0 && <p>{t('breakGlass.list.empty')}</p>}
      {list.data.grants.map((grant) => (
        <GrantCard key={grant.id} grant={grant} />
      ))}
    </div>
  );
}

function GrantCard({ grant }: { grant: BreakGlassGrant }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const review = useReviewBreakGlass();
  const when = (iso: string) => formatShortDateTime(iso, browserTimeZone(), i18n.language);
  const mine = me.data?.id === grant.operator.id;
  const badge = grant.open ? (
    <Badge tone="warning">{t('breakGlass.list.open')}</Badge>
  ) : grant.review ? (
    <Badge tone="success">{t('breakGlass.list.reviewed')}</Badge>
  ) : (
    <Badge tone="neutral">{t('breakGlass.list.awaitingReview')}</Badge>
  );
  return (
    <Card title={t('breakGlass.list.cardTitle', { client: grant.client.name, operator: grant.operator.name })}>
      <p>{badge}</p>
      <p>{t('breakGlass.list.window', { from: when(grant.openedAt), until: when(grant.endedAt ?? grant.expiresAt) })}</p>
      <p>{t('breakGlass.list.reason', { reason: grant.reason })}</p>
      {grant.open && mine && <Link to={`/admin/break-glass/${grant.id}`}>{t('breakGlass.list.read')}</Link>}
      {grant.review && (
        <p>{t('breakGlass.list.reviewNote', { by: grant.review.by, at: when(grant.review.at), note: grant.review.note })}</p>
      )}
      {!grant.review && mine && <p>{t('breakGlass.list.notYours')}</p>}
      {!grant.review && !mine && (
        <>
          {review.isError && review.variables?.grantId === grant.id && <Alert tone="error">{review.error.message}</Alert>}
          <ReasonForm
            id={`review-${grant.id}`}
            schema={BreakGlassReviewForm}
            invalid="breakGlass.list.noteInvalid"
            label={t('breakGlass.list.note')}
            hint={t('breakGlass.list.noteHint')}
            action={t('breakGlass.list.review')}
            pending={review.isPending && review.variables?.grantId === grant.id}
            onSubmit={({ reason }, clear) => review.mutate({ grantId: grant.id, note: reason }, { onSuccess: clear })}
          />
        </>
      )}
    </Card>
  );
}
