import type { CoverageState } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCoverage } from '../../api/coverage.ts';
import { RequireAccount } from '../../app/RequireAccount.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { Alert, Spinner } from '../../ui/index.ts';
import { ClientNav } from '../care/ClientNav.tsx';
import { useAnnouncement } from '../care/useAnnouncement.tsx';
import { LoadFailed } from '../LoadFailed.tsx';
import { ChangeCoverage } from './ChangeCoverage.tsx';
import { CurrentCoverage } from './CurrentCoverage.tsx';
import { InvoiceHistory, LedgerHistory } from './HistoryTables.tsx';
import '../workspace.css';
import '../care/CarePage.css';
import './PlanPage.css';

/** How the client pays, what is left, and their history and receipts: `/plan`. */
export function PlanPage() {
  usePageTitle('plan.heading');
  return <RequireAccount role="client">{() => <Plan />}</RequireAccount>;
}

function Plan() {
  const coverage = useCoverage();
  if (coverage.isError) return <LoadFailed failure={coverage.error} onRetry={() => void coverage.refetch()} what="plan.loadFailed" />;
  if (!coverage.data) return <Spinner />;
  return <PlanView state={coverage.data} />;
}

function PlanView({ state }: { state: CoverageState }) {
  const { t } = useTranslation();
  const { announce, region } = useAnnouncement();
  const { coverage } = state;

  return (
    <div className="care">
      <ClientNav />
      <div className="care__intro">
        <h1>{t('plan.heading')}</h1>
        <p className="lead">{t('plan.lead')}</p>
        {region}
      </div>
      {!state.providerAcceptsCoverage && (
        <Alert tone="info">
          <p>{t('plan.notAccepted')}</p>
          <p>
            <Link to="/care">{t('plan.notAcceptedLink')}</Link>
          </p>
        </Alert>
      )}
      {coverage && <CurrentCoverage state={{ ...state, coverage }} onChanged={announce} />}
      <ChangeCoverage key={coverage?.kind ?? 'none'} state={state} onChanged={announce} />
      <LedgerHistory entries={state.ledger} />
      <InvoiceHistory invoices={state.invoices} />
    </div>
  );
}
