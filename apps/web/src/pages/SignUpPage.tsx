import { PASSWORD_MIN_LENGTH, SignUpRequest } from '@haven/contract';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMe, useSignUp } from '../api/client.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { ErrorSummary } from '../forms/ErrorSummary.tsx';
import { problemFromFailure, validate } from '../forms/problems.ts';
import { useForm } from '../forms/useForm.ts';
import { Alert, Button, PasswordField, TextField } from '../ui/index.ts';
import './AuthPage.css';

type SignUpField = 'preferredName' | 'email' | 'password';

const fieldIds: Record<SignUpField, string> = {
  preferredName: 'sign-up-preferred-name',
  email: 'sign-up-email',
  password: 'sign-up-password',
};
const fields = Object.keys(fieldIds) as SignUpField[];

export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle('titles.signUp');
  const me = useMe();
  const signUp = useSignUp();
  const { values, change, errorFor, problem, summaryRef, report, clear } = useForm<SignUpField>({
    preferredName: '',
    email: '',
    password: '',
  });

  if (me.data) return <Navigate to="/home" replace />;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signUp.isPending) return;
    const checked = validate(SignUpRequest, { ...values, email: values.email.trim() }, fields);
    if (!checked.ok) {
      report(checked.problem);
      return;
    }
    clear();
    signUp.mutate(checked.data, {
      onError: (failure) => report(problemFromFailure(failure, fields)),
    });
  }

  // The same screen whether the address is new or already has an account: the email says which.
  if (signUp.isSuccess) {
    return (
      <div className="auth">
        <h1>{t('signUp.checkEmail.heading')}</h1>
        <Alert tone="success">
          <p>{t('signUp.checkEmail.sent', { email: signUp.variables.email })}</p>
        </Alert>
        <p>{t('signUp.checkEmail.next')}</p>
        <p>
          <Link to="/sign-in">{t('signUp.signIn')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="auth">
      <h1>{t('signUp.heading')}</h1>
      <p className="lead">{t('signUp.lead')}</p>
      {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
      <form className="auth__form" noValidate onSubmit={handleSubmit}>
        <TextField
          id={fieldIds.preferredName}
          name="preferredName"
          label={t('fields.preferredName.label')}
          hint={t('fields.preferredName.hint')}
          autoComplete="nickname"
          value={values.preferredName}
          onChange={change('preferredName')}
          error={errorFor('preferredName')}
        />
        <TextField
          id={fieldIds.email}
          name="email"
          type="email"
          inputMode="email"
          label={t('fields.email.label')}
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          value={values.email}
          onChange={change('email')}
          error={errorFor('email')}
        />
        <PasswordField
          id={fieldIds.password}
          name="password"
          label={t('fields.password.label')}
          hint={t('fields.password.newHint', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          value={values.password}
          onChange={change('password')}
          error={errorFor('password')}
        />
        <p className="muted">{t('signUp.privacy')}</p>
        <Button type="submit" loading={signUp.isPending}>
          {t('signUp.submit')}
        </Button>
      </form>
      <p>
        {t('signUp.haveAccount')} <Link to="/sign-in">{t('signUp.signIn')}</Link>
      </p>
    </div>
  );
}
