import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordExportUrls } from '../../api/account.ts';

/** Settings → Your privacy (a client): who has opened their record, and taking a copy of it. */
export function PrivacySection() {
  const { t } = useTranslation();
  return (
    <section className="form__section" aria-labelledby="settings-privacy">
      <h2 id="settings-privacy">{t('settings.privacy.heading')}</h2>
      <p>{t('settings.privacy.intro')}</p>
      <p>
        <Link to="/record-access">{t('settings.privacy.link')}</Link>
      </p>
      <h3 id="settings-record-download">{t('settings.privacy.download.heading')}</h3>
      <p>{t('settings.privacy.download.intro')}</p>
      <ul aria-labelledby="settings-record-download">
        <li>
          <a href={recordExportUrls.html} download>
            {t('settings.privacy.download.html')}
          </a>{' '}
          — {t('settings.privacy.download.htmlHint')}
        </li>
        <li>
          <a href={recordExportUrls.fhir} download>
            {t('settings.privacy.download.fhir')}
          </a>{' '}
          — {t('settings.privacy.download.fhirHint')}
        </li>
      </ul>
      <p>{t('settings.privacy.download.notIncluded')}</p>
    </section>
  );
}
