import type { Me } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '../../ui/index.ts';
import { InboxSummary } from '../room/InboxSummary.tsx';

const workspaceLinks = [
  { to: '/provider/profile', key: 'home.provider.workspace.profile' },
  { to: '/provider/licenses', key: 'home.provider.workspace.licences' },
  { to: '/provider/availability', key: 'home.provider.workspace.availability' },
] as const;

export function ProviderHome({ user }: { user: Me }) {
  const { t } = useTranslation();

  return (
    <div className="home">
      <div className="home__intro">
        <h1>{t('home.provider.heading')}</h1>
        <p className="lead">{t('home.provider.lead', { name: user.preferredName })}</p>
      </div>
      <div className="card-grid">
        <Card title={t('home.provider.workspace.title')}>
          <p>{t('home.provider.workspace.body')}</p>
          <ul className="home__links">
            {workspaceLinks.map((link) => (
              <li key={link.to}>
                <Link to={link.to}>{t(link.key)}</Link>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('home.provider.caseload.title')}>
          <p className="home__empty">{t('home.provider.caseload.empty')}</p>
        </Card>
        <Card title={t('home.provider.inbox.title')}>
          <InboxSummary />
        </Card>
      </div>
    </div>
  );
}
