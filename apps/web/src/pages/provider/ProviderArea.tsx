import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { RequireAccount } from '../../app/RequireAccount.tsx';
import { SubNav } from '../../ui/index.ts';
import '../workspace.css';

/** The provider's own pages: their profile, licences, availability, inbox and clients. */
export function ProviderArea() {
  const { t } = useTranslation();
  const links = [
    { to: '/provider/profile', label: t('provider.nav.profile') },
    { to: '/provider/licenses', label: t('provider.nav.licences') },
    { to: '/provider/availability', label: t('provider.nav.availability') },
    { to: '/provider/calendar', label: t('provider.nav.calendar') },
    { to: '/provider/inbox', label: t('room.inbox.nav') },
    { to: '/provider/clients', label: t('caseload.nav') },
  ];

  return (
    <RequireAccount role="provider">
      {() => (
        <>
          <SubNav label={t('provider.nav.label')} links={links} />
          <Outlet />
        </>
      )}
    </RequireAccount>
  );
}
