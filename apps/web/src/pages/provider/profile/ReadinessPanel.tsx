import type { ProviderWorkspace } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../ui/index.ts';
import { ProviderStatusBadge } from '../../../vocabulary/StatusBadges.tsx';

/** Where the provider stands, what is still missing, and what happens next. */
export function ReadinessPanel({ workspace }: { workspace: ProviderWorkspace }) {
  const { t } = useTranslation();
  const { status } = workspace.profile;
  const { missing } = workspace.readiness;

  return (
    <Card title={t('readiness.heading')}>
      <p>
        {t('readiness.statusLabel')} <ProviderStatusBadge status={status} />
      </p>
      {missing.length > 0 ? (
        <>
          <p>{t(status === 'active' ? 'readiness.attentionLead' : 'readiness.missingLead')}</p>
          <ul className="plain-list">
            {missing.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : (
        status !== 'active' && <p>{t('readiness.complete')}</p>
      )}
      <p>{t(`readiness.next.${status}`)}</p>
    </Card>
  );
}
