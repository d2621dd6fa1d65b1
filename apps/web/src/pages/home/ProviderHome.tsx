import type { Me } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Card } from '../../ui/index.ts';

export function ProviderHome({ user }: { user: Me }) {
  const { t } = useTranslation();

  return (
    <div className="home">
      <div className="home__intro">
        <h1>{t('home.provider.heading')}</h1>
        <p className="lead">{t('home.provider.lead', { name: user.preferredName })}</p>
      </div>
      <div className="card-grid">
        <Card title={t('home.provider.caseload.title')}>
          <p className="home__empty">{t('home.provider.caseload.empty')}</p>
        </Card>
        <Card title={t('home.provider.inbox.title')}>
          <p className="home__empty">{t('home.provider.inbox.empty')}</p>
        </Card>
        <Card title={t('home.provider.availability.title')} badge={t('common.comingSoon')}>
          <p>{t('home.provider.availability.body')}</p>
        </Card>
      </div>
    </div>
  );
}
