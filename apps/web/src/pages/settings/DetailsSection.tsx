import { AccountDetailsUpdate, type AccountDetails } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccountDetails, useUpdateAccountDetails } from '../../api/account.ts';
import type { ApiFailure } from '../../api/client.ts';
import { apiErrors, schemaErrors } from '../../forms/fieldErrors.ts';
import { TimeZoneField } from '../../time/TimeZoneField.tsx';
import { describeTimeZone } from '../../time/formatting.ts';
import { Alert, Button, Spinner, TextField } from '../../ui/index.ts';

const fields = ['preferredName', 'timeZone'] as const;
type Field = (typeof fields)[number];

/** Settings → Your details: what Haven calls you, and the time zone your emails and reminders use. */
export function DetailsSection() {
  const { t } = useTranslation();
  const details = useAccountDetails();
  return (
    <section aria-labelledby="details-settings-heading">
      <h2 id="details-settings-heading">{t('settings.details.heading')}</h2>
      {details.isError && (
        <Alert tone="error">
          <p>{t(`errors.${details.error.code}`)}</p>
        </Alert>
      )}
      {details.isPending && <Spinner />}
      {details.data && <DetailsForm saved={details.data} />}
    </section>
  );
}

function DetailsForm({ saved }: { saved: AccountDetails }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateAccountDetails();
  const [values, setValues] = useState({ preferredName: saved.preferredName, timeZone: saved.timeZone ?? '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const editsZone = saved.timeZoneSetIn === 'settings';

  function showFailure(failure: ApiFailure) {
    const byField = apiErrors(failure, fields);
    setErrors(byField);
    setGeneral(Object.keys(byField).length ? null : t(`errors.${failure.code}`));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const body = { preferredName: values.preferredName, ...(editsZone && values.timeZone ? { timeZone: values.timeZone } : {}) };
    const checked = AccountDetailsUpdate.safeParse(body);
    if (!checked.success) return setErrors(schemaErrors(checked.error.issues, fields));
    setErrors({});
    setGeneral(null);
    update.mutate(checked.data, { onError: showFailure });
  }

  return (
    <>
      {update.isSuccess && (
        <Alert tone="success">
          <p>{t('settings.details.saved')}</p>
        </Alert>
      )}
      {general && (
        <Alert tone="error">
          <p>{general}</p>
        </Alert>
      )}
      <form className="auth__form" noValidate onSubmit={handleSubmit}>
        <TextField
          id="settings-preferred-name"
          name="preferredName"
          label={t('settings.details.name')}
          hint={t('settings.details.nameHint')}
          autoComplete="nickname"
          value={values.preferredName}
          maxLength={80}
          onChange={(event) => {
            const preferredName = event.currentTarget.value;
            setValues((v) => ({ ...v, preferredName }));
          }}
          error={errors.preferredName}
        />
        {editsZone && (
          <TimeZoneField
            id="settings-time-zone"
            label={t('settings.details.timeZone')}
            hint={t('settings.details.timeZoneHint')}
            value={values.timeZone}
            onChange={(timeZone) => setValues((v) => ({ ...v, timeZone }))}
            error={errors.timeZone}
          />
        )}
        {saved.timeZoneSetIn === 'profile' && (
          <p>
            {saved.timeZone
              ? t('settings.details.profileZone', { zone: describeTimeZone(saved.timeZone, i18n.language) })
              : t('settings.details.noProfileZone')}{' '}
            <Link to="/provider/profile">{t('settings.details.toProfile')}</Link>
          </p>
        )}
        <Button type="submit" loading={update.isPending}>
          {t('settings.details.submit')}
        </Button>
      </form>
    </>
  );
}
