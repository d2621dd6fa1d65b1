import type { Me } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Card } from '../../ui/index.ts';

const consoleAreas = ['providers', 'matching', 'responseTimes', 'support'] as const;

export function AdminHome({ user }: { user: Me }) {
  const { t } = useTranslation();

  return (
    <div className="home">
      <div className="home__intro">
        <h1>{t('home.admin.heading')}</h1>
        <p className="lead">{t('home.admin.lead', { name: user.preferredName })}</p>
      </div>
      <div className="card-grid card-grid--pairs">
        {consoleAreas.map((area) => (
          <Card key={area} title={t(`home.admin.${area}.title`)}>
            <p className="home__empty">{t(`home.admin.${area}.empty`)}</p>
          </Card>
        ))}
      </div>
    </div>
  );
}
