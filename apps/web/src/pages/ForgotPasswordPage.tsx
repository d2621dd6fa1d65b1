import { PasswordResetRequest } from '@haven/contract';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRequestPasswordReset } from '../api/account.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { ErrorSummary } from '../forms/ErrorSummary.tsx';
import { problemFromFailure, validate } from '../forms/problems.ts';
import { useForm } from '../forms/useForm.ts';
import { Alert, Button, TextField } from '../ui/index.ts';
import './AuthPage.css';

const fieldIds = { email: 'forgot-email' };
const fields = ['email'] as const;

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle('titles.forgotPassword');
  const request = useRequestPasswordReset();
  const { values, change, errorFor, problem, summaryRef, report, clear } = useForm<'email'>({ email: '' });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (request.isPending) return;
    const checked = validate(PasswordResetRequest, { email: values.email.trim() }, fields);
    if (!checked.ok) {
      report(checked.problem);
      return;
    }
    clear();
    request.mutate(checked.data, { onError: (failure) => report(problemFromFailure(failure, fields)) });
  }

  return (
    <div className="auth">
      <h1>{t('recovery.forgot.heading')}</h1>
      {request.isSuccess ? (
        <Alert tone="success" title={t('recovery.forgot.sentTitle')}>
          <p>{t('recovery.forgot.sent')}</p>
        </Alert>
      ) : (
        <>
          <p className="lead">{t('recovery.forgot.lead')}</p>
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
            <Button type="submit" loading={request.isPending}>
              {t('recovery.forgot.submit')}
            </Button>
          </form>
        </>
      )}
      <p>
        <Link to="/sign-in">{t('recovery.backToSignIn')}</Link>
      </p>
    </div>
  );
}
