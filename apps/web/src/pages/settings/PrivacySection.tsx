import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Settings → Your privacy (a client): who has opened their record. */
export function PrivacySection() {
  const { t } = useTranslation();
  return (
    <section className="form__section" aria-labelledby="settings-privacy">
      <h2 id="settings-privacy">{t('settings.privacy.heading')}</h2>
      <p>{t('settings.privacy.intro')}</p>
      <p>
        <Link to="/record-access">{t('settings.privacy.link')}</Link>
      </p>
    </section>
  );
}
