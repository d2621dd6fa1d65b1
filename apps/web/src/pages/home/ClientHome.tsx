import type { Me } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useCare, useIntake } from '../../api/care.ts';
import { ButtonLink, Card, Spinner } from '../../ui/index.ts';
import { LoadFailed } from '../LoadFailed.tsx';

const laterSteps = ['matching', 'room', 'sessions'] as const;
const comingSoon: readonly string[] = ['room', 'sessions'];

/** Before the intake is sent: what comes next, starting with the intake. After it, the care page is home. */
export function ClientHome({ user }: { user: Me }) {
  const { t } = useTranslation();
  const care = useCare();
  const intake = useIntake();

  if (care.isError) return <LoadFailed failure={care.error} onRetry={() => void care.refetch()} what="care.loadFailed" />;
  if (!care.data) return <Spinner />;
  if (care.data.intakeSubmitted) return <Navigate to="/care" replace />;
  const started = intake.data !== undefined && intake.data.step !== 'about';

  return (
    <div className="home">
      <div className="home__intro">
        <h1>{t('home.client.heading', { name: user.preferredName })}</h1>
        <p className="lead">{t('home.client.lead')}</p>
      </div>
      <Card title={t('home.client.intake.title')} className="home__next">
        <p>{t('home.client.intake.body')}</p>
        <ButtonLink to="/intake">{started ? t('care.start.resume') : t('care.start.begin')}</ButtonLink>
      </Card>
      <div className="card-grid">
        {laterSteps.map((step) => (
          <Card key={step} title={t(`home.client.${step}.title`)} badge={comingSoon.includes(step) ? t('common.comingSoon') : undefined}>
            <p>{t(`home.client.${step}.body`)}</p>
          </Card>
        ))}
      </div>
    </div>
  );
}
