import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useMe } from '../../api/client.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { Alert, Button, Spinner } from '../../ui/index.ts';
import { AdminHome } from './AdminHome.tsx';
import { ClientHome } from './ClientHome.tsx';
import { ProviderHome } from './ProviderHome.tsx';
import './HomePage.css';

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle('titles.home');
  const me = useMe();

  if (me.data) {
    const user = me.data;
    switch (user.role) {
      case 'client':
        return <ClientHome user={user} />;
      case 'provider':
        return <ProviderHome user={user} />;
      case 'admin':
        return <AdminHome user={user} />;
      default:
        return user.role satisfies never;
    }
  }
  if (me.data === null) return <Navigate to="/sign-in" replace />;
  if (me.isError) {
    return (
      <div className="stack">
        <h1>{t('errorPage.heading')}</h1>
        <Alert tone="error">
          <p>{t('home.loadFailed')}</p>
          <p>{t(`errors.${me.error.code}`)}</p>
        </Alert>
        <Button variant="secondary" onClick={() => void me.refetch()}>
          {t('common.tryAgain')}
        </Button>
      </div>
    );
  }
  return <Spinner />;
}
