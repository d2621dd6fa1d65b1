import { PasswordChangeRequest } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../../api/client.ts';
import { useChangePassword } from '../../api/account.ts';
import { apiErrors, schemaErrors } from '../../forms/fieldErrors.ts';
import { Alert, Button, PasswordField } from '../../ui/index.ts';

const fields = ['currentPassword', 'newPassword'] as const;
type Field = (typeof fields)[number];

/** Settings → Password: the current password, then a new one; the person's other sign-ins end. */
export function PasswordSettings() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const update = (field: Field) => (event: FormEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };

  function showFailure(failure: ApiFailure) {
    const byField = apiErrors(failure, fields);
    if (failure.code === 'weak_password') byField.newPassword = t('errors.weak_password');
    setErrors(byField);
    setGeneral(Object.keys(byField).length ? null : t(`errors.${failure.code}`));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const checked = PasswordChangeRequest.safeParse(values);
    if (!checked.success) return setErrors(schemaErrors(checked.error.issues, fields));
    setErrors({});
    setGeneral(null);
    change.mutate(checked.data, {
      onSuccess: () => setValues({ currentPassword: '', newPassword: '' }),
      onError: showFailure,
    });
  }

  return (
    <section aria-labelledby="password-settings-heading">
      <h2 id="password-settings-heading">{t('settings.password.heading')}</h2>
      {change.isSuccess && (
        <Alert tone="success">
          <p>{t('settings.password.changed', { count: change.data.ended })}</p>
        </Alert>
      )}
      {general && (
        <Alert tone="error">
          <p>{general}</p>
        </Alert>
      )}
      <form className="auth__form" noValidate onSubmit={handleSubmit}>
        <PasswordField
          id="settings-current-password"
          name="currentPassword"
          label={t('settings.password.current')}
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={update('currentPassword')}
          error={errors.currentPassword}
        />
        <PasswordField
          id="settings-new-password"
          name="newPassword"
          label={t('settings.password.new')}
          hint={t('recovery.passwordHint')}
          autoComplete="new-password"
          value={values.newPassword}
          onChange={update('newPassword')}
          error={errors.newPassword}
        />
        <Button type="submit" loading={change.isPending}>
          {t('settings.password.submit')}
        </Button>
      </form>
    </section>
  );
}
