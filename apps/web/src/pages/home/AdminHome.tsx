import type { Me } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '../../ui/index.ts';

const laterAreas = ['matching', 'responseTimes', 'support'] as const;
const onboardingLinks = [
  { to: '/admin/providers', key: 'home.admin.providers.list' },
  { to: '/admin/licenses', key: 'home.admin.providers.queue' },
  { to: '/admin/invite', key: 'home.admin.providers.invite' },
] as const;

export function AdminHome({ user }: { user: Me }) {
  const { t } = useTranslation();

  return (
    <div className="home">
      <div className="home__intro">
        <h1>{t('home.admin.heading')}</h1>
        <p className="lead">{t('home.admin.lead', { name: user.preferredName })}</p>
      </div>
      <div className="card-grid card-grid--pairs">
        <Card title={t('home.admin.providers.title')}>
          <p>{t('home.admin.providers.body')}</p>
          <ul className="home__links">
            {onboardingLinks.map((link) => (
              <li key={link.to}>
                <Link to={link.to}>{t(link.key)}</Link>
              </li>
            ))}
          </ul>
        </Card>
        {laterAreas.map((area) => (
          <Card key={area} title={t(`home.admin.${area}.title`)}>
            <p className="home__empty">{t(`home.admin.${area}.empty`)}</p>
          </Card>
        ))}
      </div>
    </div>
  );
}
