import type { Me } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Card } from '../../ui/index.ts';

const nextSteps = ['intake', 'matching', 'room', 'sessions'] as const;

export function ClientHome({ user }: { user: Me }) {
  const { t } = useTranslation();

  return (
    <div className="home">
      <div className="home__intro">
        <h1>{t('home.client.heading', { name: user.preferredName })}</h1>
        <p className="lead">{t('home.client.lead')}</p>
      </div>
      <div className="card-grid card-grid--pairs">
        {nextSteps.map((step) => (
          <Card key={step} title={t(`home.client.${step}.title`)} badge={t('common.comingSoon')}>
            <p>{t(`home.client.${step}.body`)}</p>
          </Card>
        ))}
      </div>
    </div>
  );
}
