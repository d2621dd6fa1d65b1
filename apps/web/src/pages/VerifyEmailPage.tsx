import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useVerifyEmail } from '../api/client.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { Alert, Spinner } from '../ui/index.ts';
import './AuthPage.css';

/** Where the emailed confirmation link lands: the address is confirmed and the person signed in, on their home. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  usePageTitle('titles.verifyEmail');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useVerifyEmail();
  const sent = useRef(false);

  useEffect(() => {
    // The link works once: React's development double effect must not spend it twice.
    if (sent.current) return;
    sent.current = true;
    verify.mutate({ token });
  }, [token, verify]);

  if (verify.isSuccess) return <Navigate to="/home" replace />;

  return (
    <div className="auth">
      <h1>{t('verifyEmail.heading')}</h1>
      {verify.isError ? (
        <>
          <Alert tone="error">
            <p>{verify.error.code === 'validation_failed' ? t('verifyEmail.incomplete') : t('verifyEmail.unusable')}</p>
          </Alert>
          <p>
            <Link to="/sign-in">{t('verifyEmail.signIn')}</Link>
          </p>
        </>
      ) : (
        <Spinner label={t('verifyEmail.checking')} />
      )}
    </div>
  );
}
