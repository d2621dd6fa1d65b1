import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../app/usePageTitle.ts';

/** Shown when a page fails to render; the layout around it keeps working. */
export function ErrorPage() {
  const { t } = useTranslation();
  usePageTitle('titles.error');

  return (
    <div className="stack">
      <h1>{t('errorPage.heading')}</h1>
      <p>{t('errorPage.body')}</p>
      <p>
        <Link to="/">{t('errorPage.home')}</Link>
      </p>
    </div>
  );
}
