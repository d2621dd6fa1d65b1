import { Navigate } from 'react-router';
import { useIntake } from '../../api/care.ts';
import { RequireAccount } from '../../app/RequireAccount.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { Spinner } from '../../ui/index.ts';
import { LoadFailed } from '../LoadFailed.tsx';
import { IntakeWizard } from './IntakeWizard.tsx';
import '../workspace.css';
import './IntakePage.css';

/** The client's questions before matching: `/intake`. */
export function IntakePage() {
  usePageTitle('titles.intake');
  return <RequireAccount role="client">{() => <Intake />}</RequireAccount>;
}

function Intake() {
  const intake = useIntake();
  if (intake.isError) {
    return <LoadFailed failure={intake.error} onRetry={() => void intake.refetch()} what="intake.loadFailed" />;
  }
  if (!intake.data) return <Spinner />;
  if (intake.data.submitted) return <Navigate to="/care" replace />;
  return <IntakeWizard intake={intake.data} />;
}
