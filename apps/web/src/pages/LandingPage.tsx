import { useTranslation } from 'react-i18next';
import { useMe } from '../api/client.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { ButtonLink, Card } from '../ui/index.ts';
import './LandingPage.css';

const features = ['licensed', 'room', 'sessions'] as const;
const steps = ['account', 'intake', 'match', 'talk'] as const;

export function LandingPage() {
  const { t } = useTranslation();
  usePageTitle('titles.landing');
  const me = useMe();

  return (
    <div className="landing">
      <section className="landing__hero">
        <h1>{t('landing.heading')}</h1>
        <p className="lead">{t('landing.lead')}</p>
        <div className="landing__actions">
          {me.data ? (
            <ButtonLink to="/home">{t('landing.goHome')}</ButtonLink>
          ) : (
            <>
              <ButtonLink to="/sign-up">{t('landing.getStarted')}</ButtonLink>
              <ButtonLink to="/sign-in" variant="secondary">
                {t('landing.signIn')}
              </ButtonLink>
            </>
          )}
        </div>
        <p className="muted">{t('landing.adultsOnly')}</p>
      </section>

      <section aria-labelledby="landing-features">
        <h2 id="landing-features">{t('landing.featuresHeading')}</h2>
        <div className="card-grid">
          {features.map((feature) => (
            <Card key={feature} title={t(`landing.features.${feature}.title`)} headingLevel={3}>
              <p>{t(`landing.features.${feature}.body`)}</p>
            </Card>
          ))}
        </div>
      </section>

      <section aria-labelledby="landing-steps">
        <h2 id="landing-steps">{t('landing.stepsHeading')}</h2>
        <ol className="landing__steps">
          {steps.map((step) => (
            <li key={step}>{t(`landing.steps.${step}`)}</li>
          ))}
        </ol>
      </section>
    </div>
  );
}
