import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { Alert } from './Alert.tsx';
import { BrandMark } from './BrandMark.tsx';
import { Button } from './Button.tsx';
import { SkipLink } from './SkipLink.tsx';
import './PageLayout.css';

export const MAIN_ID = 'main';

type PageLayoutProps = {
  signedIn: boolean;
  onSignOut?: () => void;
  signingOut?: boolean;
  signOutError?: string;
  /** The notifications bell, for a signed-in client or provider. */
  bell?: ReactNode;
  children: ReactNode;
};

export function PageLayout({ signedIn, onSignOut, signingOut = false, signOutError, bell, children }: PageLayoutProps) {
  const { t } = useTranslation();

  return (
    <div className="page">
      <SkipLink targetId={MAIN_ID} />
      <header className="page__header">
        <div className="page__bar">
          <Link to={signedIn ? '/home' : '/'} className="brand">
            <BrandMark />
            <span>{t('brand.name')}</span>
          </Link>
          <nav className="nav" aria-label={t('layout.navLabel')}>
            {signedIn ? (
              <>
                {bell}
                <NavLink to="/home" className="nav__link">
                  {t('layout.nav.home')}
                </NavLink>
                <NavLink to="/settings" className="nav__link">
                  {t('layout.nav.settings')}
                </NavLink>
                <Button variant="quiet" onClick={onSignOut} loading={signingOut}>
                  {t('layout.nav.signOut')}
                </Button>
              </>
            ) : (
              <>
                <NavLink to="/sign-in" className="nav__link">
                  {t('layout.nav.signIn')}
                </NavLink>
                <NavLink to="/sign-up" className="nav__link nav__link--strong">
                  {t('layout.nav.getStarted')}
                </NavLink>
              </>
            )}
          </nav>
        </div>
        {signOutError && (
          <div className="page__notice">
            <Alert tone="error">{signOutError}</Alert>
          </div>
        )}
      </header>
      <main id={MAIN_ID} className="page__main" tabIndex={-1}>
        {children}
      </main>
      <footer className="page__footer">
        <div className="page__footer-inner">
          <p className="page__crisis">
            <Trans i18nKey="layout.footer.crisis" components={{ tel988: <a href="tel:988" />, tel911: <a href="tel:911" /> }} />
          </p>
          <p>{t('layout.footer.records')}</p>
          <p>{t('layout.footer.openSource')}</p>
        </div>
      </footer>
    </div>
  );
}
