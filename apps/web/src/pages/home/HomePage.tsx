import { RequireAccount } from '../../app/RequireAccount.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { AdminHome } from './AdminHome.tsx';
import { ClientHome } from './ClientHome.tsx';
import { ProviderHome } from './ProviderHome.tsx';
import './HomePage.css';

export function HomePage() {
  usePageTitle('titles.home');
  return (
    <RequireAccount>
      {(user) => {
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
      }}
    </RequireAccount>
  );
}
