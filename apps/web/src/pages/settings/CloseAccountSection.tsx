import { CloseAccountRequest } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCloseAccount } from '../../api/account.ts';
import { apiErrors, schemaErrors } from '../../forms/fieldErrors.ts';
import { Alert, Button, PasswordField } from '../../ui/index.ts';

const fields = ['currentPassword'] as const;

/**
 * Settings → Close your account (a client). Two steps: what closing does, then the password. Once
 * closed, the page says until when the record is kept; the person is signed out everywhere.
 */
export function CloseAccountSection() {
  const { t, i18n } = useTranslation();
  const close = useCloseAccount();
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string | null>(null);

  if (close.isSuccess) {
    const until = new Date(close.data.retainUntil).toLocaleDateString(i18n.language, { year: 'numeric', month: 'long', day: 'numeric' });
    return (
      <section aria-labelledby="settings-close">
        <h2 id="settings-close">{t('settings.close.heading')}</h2>
        <Alert tone="success">
          <p>{t('settings.close.done', { until })}</p>
        </Alert>
        <p>
          <a href="/">{t('settings.close.home')}</a>
        </p>
      </section>
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (close.isPending) return;
    const checked = CloseAccountRequest.safeParse({ currentPassword: password });
    if (!checked.success) return setError(schemaErrors(checked.error.issues, fields).currentPassword);
    setError(undefined);
    setGeneral(null);
    close.mutate(checked.data, {
      onError: (failure) => {
        const byField = apiErrors(failure, fields);
        setError(byField.currentPassword);
        setGeneral(byField.currentPassword ? null : t(`errors.${failure.code}`));
      },
    });
  }

  return (
    <section aria-labelledby="settings-close">
      <h2 id="settings-close">{t('settings.close.heading')}</h2>
      <p>{t('settings.close.intro')}</p>
      {!confirming ? (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('settings.close.start')}
        </Button>
      ) : (
        <>
          <ul>
            <li>{t('settings.close.effects.access')}</li>
            <li>{t('settings.close.effects.sessions')}</li>
            <li>{t('settings.close.effects.kept')}</li>
            <li>{t('settings.close.effects.export')}</li>
          </ul>
          {general && (
            <Alert tone="error">
              <p>{general}</p>
            </Alert>
          )}
          <form className="auth__form" noValidate onSubmit={handleSubmit}>
            <PasswordField
              id="settings-close-password"
              name="currentPassword"
              label={t('settings.close.password')}
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={error}
            />
            <Button type="submit" loading={close.isPending}>
              {t('settings.close.submit')}
            </Button>
            <Button variant="quiet" onClick={() => setConfirming(false)}>
              {t('settings.close.cancel')}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}
