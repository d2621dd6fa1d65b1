import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useConfirmEmailChange } from '../api/account.ts';
import { useMe } from '../api/client.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { Alert, Spinner } from '../ui/index.ts';
import './AuthPage.css';

/** Where the link sent to a new address lands: the account moves to it, and its other sign-ins end. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  usePageTitle('titles.confirmEmail');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmEmailChange();
  const me = useMe();
  const sent = useRef(false);

  useEffect(() => {
    // The link works once: React's development double effect must not spend it twice.
    if (sent.current) return;
    sent.current = true;
    confirm.mutate({ token });
  }, [token, confirm]);

  const onward = me.data ? (
    <Link to="/settings">{t('confirmEmail.toSettings')}</Link>
  ) : (
    <Link to="/sign-in">{t('confirmEmail.signIn')}</Link>
  );

  return (
    <div className="auth">
      <h1>{t('confirmEmail.heading')}</h1>
      {confirm.isSuccess && (
        <>
          <Alert tone="success">
            <p>{t('confirmEmail.done', { email: confirm.data.email, count: confirm.data.ended })}</p>
          </Alert>
          <p>{onward}</p>
        </>
      )}
      {confirm.isError && (
        <>
          <Alert tone="error">
            <p>{t(confirm.error.code === 'email_taken' ? 'confirmEmail.taken' : 'confirmEmail.unusable')}</p>
          </Alert>
          <p>{onward}</p>
        </>
      )}
      {confirm.isPending && <Spinner label={t('confirmEmail.checking')} />}
    </div>
  );
}
