import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useMe, useSignOut } from '../api/client.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { PageLayout } from '../ui/index.ts';
import { useFocusOnNavigation } from './useFocusOnNavigation.ts';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  useFocusOnNavigation();

  return (
    <PageLayout
      signedIn={Boolean(me.data)}
      onSignOut={() => signOut.mutate()}
      signingOut={signOut.isPending}
      signOutError={signOut.isError ? t('layout.signOutFailed') : undefined}
      bell={me.data && me.data.role !== 'admin' ? <NotificationBell key={me.data.id} role={me.data.role} /> : undefined}
    >
      <Outlet />
    </PageLayout>
  );
}
