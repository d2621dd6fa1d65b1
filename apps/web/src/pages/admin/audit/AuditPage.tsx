import type { AuditSearchEntry } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditSearch, useAuditStatus, useVerifyAudit } from '../../../api/audit.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { browserTimeZone, formatDateTime } from '../../../time/formatting.ts';
import { Alert, Button, DataTable, SelectField, Spinner, TextField, type DataTableColumn } from '../../../ui/index.ts';
import { LoadFailed } from '../../LoadFailed.tsx';

type Filters = { actor: string; client: string; action: string; outcome: string };
const noFilters: Filters = { actor: '', client: '', action: '', outcome: '' };

/** The console's audit page: the chain's last verification, and the trail searched by person, client, action and outcome. */
export function AuditPage() {
  usePageTitle('auditOps.heading');
  const { t } = useTranslation();
  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('auditOps.heading')}</h1>
        <p>{t('auditOps.intro')}</p>
      </div>
      <Verification />
      <Search />
    </div>
  );
}

function Verification() {
  const { t, i18n } = useTranslation();
  const status = useAuditStatus();
  const verify = useVerifyAudit();
  if (status.isError)
    return <LoadFailed failure={status.error} onRetry={() => void status.refetch()} what="auditOps.loadFailed" asPage={false} />;
  if (!status.data) return <Spinner />;
  const last = status.data.last;
  return (
    <section className="stack" aria-labelledby="audit-verification">
      <h2 id="audit-verification">{t('auditOps.verification.heading')}</h2>
      {!last && <p>{t('auditOps.verification.never')}</p>}
      {last && (
        <Alert
          tone={last.intact ? 'success' : 'error'}
          title={t(last.intact ? 'auditOps.verification.intact' : 'auditOps.verification.broken')}
        >
          <p>
            {t('auditOps.verification.summary', {
              at: formatDateTime(last.at, browserTimeZone(), i18n.language),
              chained: last.chained,
              unchained: last.unchained,
              checkpoints: last.checkpoints,
            })}
          </p>
          {last.problem && <p>{last.problem}</p>}
        </Alert>
      )}
      {verify.isError && <Alert tone="error">{t('auditOps.verification.failed')}</Alert>}
      <div className="form__actions">
        <Button variant="secondary" loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('auditOps.verification.now')}
        </Button>
      </div>
    </section>
  );
}

function Search() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const search = useAuditSearch(filters);
  const field = (name: keyof Filters) => ({
    id: `audit-${name}`,
    value: draft[name],
    onChange: (event: { currentTarget: { value: string } }) => setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters({ ...draft, action: draft.action.trim(), actor: draft.actor.trim(), client: draft.client.trim() });
  }
  const columns: DataTableColumn<AuditSearchEntry>[] = [
    { key: 'at', header: t('auditOps.search.at'), rowHeader: true, cell: (e) => formatDateTime(e.at, browserTimeZone(), i18n.language) },
    { key: 'actor', header: t('auditOps.search.actor'), cell: (e) => `${e.actor.label}${e.ip ? ` · ${e.ip}` : ''}` },
    { key: 'action', header: t('auditOps.search.action'), cell: (e) => e.action },
    { key: 'client', header: t('auditOps.search.client'), cell: (e) => e.client?.name ?? '' },
    { key: 'outcome', header: t('auditOps.search.outcome'), cell: (e) => t(`auditOps.outcome.${e.outcome}`) },
    { key: 'reason', header: t('auditOps.search.reason'), cell: (e) => e.reason ?? '' },
  ];
  const entries = search.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <section className="stack" aria-labelledby="audit-search">
      <h2 id="audit-search">{t('auditOps.search.heading')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <TextField label={t('auditOps.search.actorField')} hint={t('auditOps.search.idHint')} {...field('actor')} />
        <TextField label={t('auditOps.search.clientField')} hint={t('auditOps.search.idHint')} {...field('client')} />
        <TextField label={t('auditOps.search.actionField')} hint={t('auditOps.search.actionHint')} {...field('action')} />
        <SelectField label={t('auditOps.search.outcomeField')} {...field('outcome')}>
          <option value="">{t('auditOps.outcome.any')}</option>
          <option value="allowed">{t('auditOps.outcome.allowed')}</option>
          <option value="denied">{t('auditOps.outcome.denied')}</option>
        </SelectField>
        <div className="form__actions">
          <Button type="submit">{t('auditOps.search.submit')}</Button>
        </div>
      </form>
      {search.isError && <Alert tone="error">{search.error.message}</Alert>}
      {search.isPending ? (
        <Spinner />
      ) : (
        <DataTable
          caption={t('auditOps.search.caption')}
          captionHidden
          columns={columns}
          rows={entries}
          rowKey={(e) => e.seq}
          empty={t('auditOps.search.empty')}
        />
      )}
      {search.hasNextPage && (
        <div className="form__actions">
          <Button variant="secondary" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
            {t('auditOps.search.older')}
          </Button>
        </div>
      )}
    </section>
  );
}
