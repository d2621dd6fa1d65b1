import { useTranslation } from 'react-i18next';
import { SubNav } from '../../ui/index.ts';

/** A client's own pages: their care team and sessions, and how they pay. */
export function ClientNav() {
  const { t } = useTranslation();
  const links = [
    { to: '/care', label: t('care.nav.care') },
    { to: '/sessions', label: t('care.nav.sessions') },
    { to: '/plan', label: t('care.nav.plan') },
  ];
  return <SubNav label={t('care.nav.label')} links={links} />;
}
