import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useOpenSafetyFlagCount } from '../../api/matchingOps.ts';
import { RequireAccount } from '../../app/RequireAccount.tsx';
import { SubNav } from '../../ui/index.ts';
import '../workspace.css';

/** The operations console: the provider network, licence verification, invitations, matching, safety follow-up, partners and clients. */
export function AdminArea() {
  const { t } = useTranslation();
  const openSafetyFlags = useOpenSafetyFlagCount();
  const links = [
    { to: '/admin/providers', label: t('admin.nav.providers') },
    { to: '/admin/licenses', label: t('admin.nav.licenceQueue') },
    { to: '/admin/invite', label: t('admin.nav.invite') },
    { to: '/admin/outbox', label: t('admin.nav.outbox') },
    { to: '/admin/matching', label: t('matchingOps.nav.matching') },
    {
      to: '/admin/safety',
      label: openSafetyFlags ? t('matchingOps.nav.safetyOpen', { count: openSafetyFlags }) : t('matchingOps.nav.safety'),
    },
    { to: '/admin/partners', label: t('partnersOps.nav.partners') },
    { to: '/admin/clients', label: t('partnersOps.nav.clients') },
    { to: '/admin/audit', label: t('auditOps.nav') },
    { to: '/admin/break-glass', label: t('breakGlass.nav') },
  ];

  return (
    <RequireAccount role="admin">
      {() => (
        <>
          <SubNav label={t('admin.nav.label')} links={links} />
          <Outlet />
        </>
      )}
    </RequireAccount>
  );
}
