import { Navigate } from 'react-router';
import { useMe } from '../../api/client.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { Spinner } from '../../ui/index.ts';
import { LoadFailed } from '../LoadFailed.tsx';
import { AdminHome } from './AdminHome.tsx';
import { ClientHome } from './ClientHome.tsx';
import { ProviderHome } from './ProviderHome.tsx';
import './HomePage.css';

export function HomePage() {
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
  if (me.isError) return <LoadFailed failure={me.error} onRetry={() => void me.refetch()} />;
  return <Spinner />;
}
