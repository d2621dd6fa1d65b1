import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useClientLedger } from '../../../api/partnersOps.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { Spinner } from '../../../ui/index.ts';
import { LoadFailed } from '../../LoadFailed.tsx';
import { BreakGlassPanel } from '../audit/BreakGlassPanel.tsx';
import { CoverageSummary } from './CoverageSummary.tsx';
import { InvoiceTable } from './InvoiceTable.tsx';
import { LedgerTable } from './LedgerTable.tsx';
import './ledger.css';

/** One client's coverage, every credit granted, reserved, spent, returned or expired, and their invoices. */
export function ClientLedgerPage() {
  const { t } = useTranslation();
  usePageTitle('partnersOps.ledger.title');
  const { clientId = '' } = useParams();
  const ledger = useClientLedger(clientId);

  if (ledger.isError) {
    return <LoadFailed failure={ledger.error} onRetry={() => void ledger.refetch()} what="partnersOps.ledger.loadFailed" />;
  }
  if (!ledger.data) return <Spinner />;
  const { name, email, state } = ledger.data;

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <p>
          <Link to="/admin/clients">{t('partnersOps.ledger.back')}</Link>
        </p>
        <h1>{name}</h1>
        <p>
          <a href={`mailto:${email}`}>{email}</a>
        </p>
      </div>
      <CoverageSummary state={state} />
      <section className="stack" aria-labelledby="ledger-heading">
        <h2 id="ledger-heading">{t('partnersOps.ledger.entriesHeading')}</h2>
        <LedgerTable entries={state.ledger} />
      </section>
      <section className="stack" aria-labelledby="invoices-heading">
        <h2 id="invoices-heading">{t('partnersOps.ledger.invoicesHeading')}</h2>
        <InvoiceTable invoices={state.invoices} />
      </section>
      <BreakGlassPanel clientId={ledger.data.clientId} />
    </div>
  );
}
