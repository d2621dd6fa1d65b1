import { SignInRequest } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { useMe, useSignIn } from '../api/client.ts';
import { SignInCodeStep } from './SignInCodeStep.tsx';
import { usePageTitle } from '../app/usePageTitle.ts';
import { ErrorSummary } from '../forms/ErrorSummary.tsx';
import { problemFromFailure, validate } from '../forms/problems.ts';
import { useForm } from '../forms/useForm.ts';
import { Button, PasswordField, TextField } from '../ui/index.ts';
import './AuthPage.css';

type SignInField = 'email' | 'password';

const fieldIds: Record<SignInField, string> = {
  email: 'sign-in-email',
  password: 'sign-in-password',
};
const fields = Object.keys(fieldIds) as SignInField[];

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle('titles.signIn');
  const me = useMe();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [codeNeeded, setCodeNeeded] = useState(false);
  const { values, change, errorFor, problem, summaryRef, report, clear } = useForm<SignInField>({
    email: '',
    password: '',
  });

  if (me.data) return <Navigate to="/home" replace />;
  if (codeNeeded) return <SignInCodeStep onRestart={() => setCodeNeeded(false)} />;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signIn.isPending) return;
    const checked = validate(SignInRequest, { ...values, email: values.email.trim() }, fields);
    if (!checked.ok) {
      report(checked.problem);
      return;
    }
    clear();
    signIn.mutate(checked.data, {
      onSuccess: (user) => (user ? void navigate('/home', { replace: true }) : setCodeNeeded(true)),
      // Bad credentials stay a general message: saying which field was wrong would leak accounts.
      onError: (failure) => report(problemFromFailure(failure, fields)),
    });
  }

  return (
    <div className="auth">
      <h1>{t('signIn.heading')}</h1>
      <p className="lead">{t('signIn.lead')}</p>
      {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
      <form className="auth__form" noValidate onSubmit={handleSubmit}>
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
          autoComplete="current-password"
          value={values.password}
          onChange={change('password')}
          error={errorFor('password')}
        />
        <Button type="submit" loading={signIn.isPending}>
          {t('signIn.submit')}
        </Button>
      </form>
      <p>
        <Link to="/forgot-password">{t('signIn.forgotPassword')}</Link>
      </p>
      <p>
        {t('signIn.noAccount')} <Link to="/sign-up">{t('signIn.createAccount')}</Link>
      </p>
    </div>
  );
}
