import { BreakGlassRequest } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOpenBreakGlass } from '../../../api/audit.ts';
import { Alert } from '../../../ui/index.ts';
import { ReasonForm } from '../record/ReasonForm.tsx';

const ReasonOnly = BreakGlassRequest.pick({ reason: true });

/** On a client's page: open their room read-only, for a reason the client will see (break-glass). */
export function BreakGlassPanel({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenBreakGlass();
  return (
    <section className="stack" aria-labelledby="break-glass-heading">
      <h2 id="break-glass-heading">{t('breakGlass.panel.heading')}</h2>
      <p>{t('breakGlass.panel.intro')}</p>
      {open.isError && <Alert tone="error">{open.error.message}</Alert>}
      <ReasonForm
        id="break-glass-reason"
        schema={ReasonOnly}
        invalid="breakGlass.panel.reasonInvalid"
        label={t('breakGlass.panel.reason')}
        hint={t('breakGlass.panel.reasonHint')}
        action={t('breakGlass.panel.open')}
        pending={open.isPending}
        onSubmit={({ reason }) =>
          open.mutate({ clientId, reason, minutes: 60 }, { onSuccess: (grant) => void navigate(`/admin/break-glass/${grant.id}`) })
        }
      />
    </section>
  );
}
