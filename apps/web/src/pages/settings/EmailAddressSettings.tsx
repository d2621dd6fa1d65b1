import { EmailChangeRequest } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../../api/client.ts';
import { useRequestEmailChange } from '../../api/account.ts';
import { Alert, Button, PasswordField, TextField } from '../../ui/index.ts';

type Field = 'newEmail' | 'currentPassword';
const isField = (field: unknown): field is Field => field === 'newEmail' || field === 'currentPassword';

/** Settings → Email address: a new address and the current password; the change waits for the link sent there. */
export function EmailAddressSettings({ email }: { email: string }) {
  const { t } = useTranslation();
  const request = useRequestEmailChange();
  const [values, setValues] = useState<Record<Field, string>>({ newEmail: '', currentPassword: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const update = (field: Field) => (event: FormEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };

  function showFailure(failure: ApiFailure) {
    const byField: Partial<Record<Field, string>> = {};
    for (const issue of failure.issues) if (isField(issue.field)) byField[issue.field] = issue.message;
    setErrors(byField);
    setGeneral(Object.keys(byField).length ? null : t(`errors.${failure.code}`));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (request.isPending) return;
    const checked = EmailChangeRequest.safeParse({ ...values, newEmail: values.newEmail.trim() });
    if (!checked.success) {
      const byField: Partial<Record<Field, string>> = {};
      for (const issue of checked.error.issues) {
        const field = issue.path[0];
        if (isField(field) && !byField[field]) byField[field] = issue.message;
      }
      setErrors(byField);
      return;
    }
    setErrors({});
    setGeneral(null);
    setSentTo(null);
    request.mutate(checked.data, {
      onSuccess: () => {
        setSentTo(checked.data.newEmail);
        setValues({ newEmail: '', currentPassword: '' });
      },
      onError: showFailure,
    });
  }

  return (
    <section aria-labelledby="email-address-settings-heading">
      <h2 id="email-address-settings-heading">{t('settings.emailAddress.heading')}</h2>
      <p>{t('settings.emailAddress.current', { email })}</p>
      {sentTo && (
        <Alert tone="success">
          <p>{t('settings.emailAddress.sent', { email: sentTo })}</p>
        </Alert>
      )}
      {general && (
        <Alert tone="error">
          <p>{general}</p>
        </Alert>
      )}
      <form className="auth__form" noValidate onSubmit={handleSubmit}>
        <TextField
          id="settings-new-email"
          name="newEmail"
          type="email"
          inputMode="email"
          label={t('settings.emailAddress.new')}
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          value={values.newEmail}
          onChange={update('newEmail')}
          error={errors.newEmail}
        />
        <PasswordField
          id="settings-email-current-password"
          name="currentPassword"
          label={t('settings.emailAddress.currentPassword')}
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={update('currentPassword')}
          error={errors.currentPassword}
        />
        <Button type="submit" loading={request.isPending}>
          {t('settings.emailAddress.submit')}
        </Button>
      </form>
    </section>
  );
}
