import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useClientList } from '../../../api/partnersOps.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { Button, Spinner, TextField } from '../../../ui/index.ts';
import { LoadFailed } from '../../LoadFailed.tsx';
import { ClientResults } from './ClientResults.tsx';

/** Find a client by name or email, to see how they pay and every session credit granted or spent. */
export function ClientsPage() {
  const { t } = useTranslation();
  usePageTitle('partnersOps.clients.heading');
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q')?.trim() ?? '';
  const list = useClientList(q);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = new FormData(event.currentTarget).get('q');
    const next = typeof typed === 'string' ? typed.trim() : '';
    setSearchParams(next ? { q: next } : {});
  }

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('partnersOps.clients.heading')}</h1>
        <p className="lead">{t('partnersOps.clients.lead')}</p>
      </div>
      {/* Remounting when the URL changes (back, forward) puts the search back in the field. */}
      <form
        key={q}
        className="form form__section"
        role="search"
        aria-label={t('partnersOps.clients.searchLabel')}
        method="get"
        onSubmit={submit}
      >
        <TextField
          id="client-search"
          name="q"
          type="search"
          label={t('partnersOps.clients.q')}
          hint={t('partnersOps.clients.qHint')}
          defaultValue={q}
          maxLength={200}
        />
        <div className="form__actions">
          <Button type="submit">{t('partnersOps.clients.search')}</Button>
          {q && <Link to="/admin/clients">{t('partnersOps.clients.clear')}</Link>}
        </div>
      </form>
      {list.isError && (
        <LoadFailed failure={list.error} onRetry={() => void list.refetch()} what="partnersOps.clients.loadFailed" asPage={false} />
      )}
      {list.isPending && <Spinner />}
      {list.data && <ClientResults list={list.data} q={q} busy={list.isPlaceholderData} />}
    </div>
  );
}
