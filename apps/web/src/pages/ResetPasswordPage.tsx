import { PasswordResetCompletion } from '@haven/contract';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCompletePasswordReset } from '../api/account.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { ErrorSummary } from '../forms/ErrorSummary.tsx';
import { problemFromFailure, validate } from '../forms/problems.ts';
import { useForm } from '../forms/useForm.ts';
import { Alert, Button, PasswordField } from '../ui/index.ts';
import './AuthPage.css';

const fieldIds = { password: 'reset-password' };
const fields = ['password'] as const;
const NewPassword = PasswordResetCompletion.pick({ password: true });

/** Where the emailed reset link lands: choose a new password, then sign in afresh. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle('titles.resetPassword');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const complete = useCompletePasswordReset();
  const { values, change, errorFor, problem, summaryRef, report, clear } = useForm<'password'>({ password: '' });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (complete.isPending) return;
    const checked = validate(NewPassword, values, fields);
    if (!checked.ok) {
      report(checked.problem);
      return;
    }
    clear();
    complete.mutate({ token, password: checked.data.password }, { onError: (failure) => report(problemFromFailure(failure, fields)) });
  }

  if (complete.isSuccess) {
    return (
      <div className="auth">
        <h1>{t('recovery.reset.doneHeading')}</h1>
        <Alert tone="success">
          <p>{t('recovery.reset.done')}</p>
        </Alert>
        <p>
          <Link to="/sign-in">{t('recovery.reset.signIn')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="auth">
      <h1>{t('recovery.reset.heading')}</h1>
      <p className="lead">{t('recovery.reset.lead')}</p>
      {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
      <form className="auth__form" noValidate onSubmit={handleSubmit}>
        <PasswordField
          id={fieldIds.password}
          name="password"
          label={t('recovery.reset.newPassword')}
          hint={t('recovery.passwordHint')}
          autoComplete="new-password"
          value={values.password}
          onChange={change('password')}
          error={errorFor('password')}
        />
        <Button type="submit" loading={complete.isPending}>
          {t('recovery.reset.submit')}
        </Button>
      </form>
      <p>
        <Link to="/forgot-password">{t('recovery.reset.newLink')}</Link>
      </p>
    </div>
  );
}
