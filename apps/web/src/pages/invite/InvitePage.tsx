import { AcceptInviteRequest, PASSWORD_MIN_LENGTH, type InvitePreview } from '@haven/contract';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAcceptInvite, useInvitePreview } from '../../api/invites.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { problemFromFailure, validate } from '../../forms/problems.ts';
import { useForm } from '../../forms/useForm.ts';
import { browserTimeZone, formatDateTime } from '../../time/formatting.ts';
import { Button, PasswordField, Spinner, TextField } from '../../ui/index.ts';
import { LoadFailed } from '../LoadFailed.tsx';
import '../AuthPage.css';

const fieldIds = { password: 'invite-password' } as const;
const fields = ['password'] as const;

export function InvitePage() {
  usePageTitle('titles.invite');
  const { token = '' } = useParams();
  const preview = useInvitePreview(token);

  if (preview.data) return <AcceptInvite token={token} invite={preview.data} />;
  if (preview.error?.code === 'invite_unusable' || preview.error?.code === 'not_found') return <UnusableInvite />;
  if (preview.isError) {
    return <LoadFailed failure={preview.error} onRetry={() => void preview.refetch()} what="invite.loadFailed" />;
  }
  return <Spinner />;
}

function UnusableInvite() {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <h1>{t('invite.unusable.heading')}</h1>
      <p className="lead">{t('invite.unusable.body')}</p>
      <p>{t('invite.unusable.next')}</p>
      <p>
        {t('invite.unusable.haveAccount')} <Link to="/sign-in">{t('invite.unusable.signIn')}</Link>
      </p>
    </div>
  );
}

function AcceptInvite({ token, invite }: { token: string; invite: InvitePreview }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvite(token);
  const { values, change, errorFor, problem, summaryRef, report, clear } = useForm({ password: '' });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (accept.isPending) return;
    const checked = validate(AcceptInviteRequest, values, fields);
    if (!checked.ok) {
      report(checked.problem);
      return;
    }
    clear();
    accept.mutate(checked.data, {
      onSuccess: () => void navigate('/provider/profile', { replace: true }),
      onError: (failure) => report(problemFromFailure(failure, fields)),
    });
  }

  return (
    <div className="auth">
      <h1>{t('invite.heading')}</h1>
      <p className="lead">{t('invite.lead', { name: `${invite.firstName} ${invite.lastName}` })}</p>
      <p>{t('invite.expires', { date: formatDateTime(invite.expiresAt, browserTimeZone(), i18n.language) })}</p>
      {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
      <form className="auth__form" noValidate onSubmit={handleSubmit}>
        <TextField
          id="invite-email"
          name="email"
          type="email"
          label={t('fields.email.label')}
          hint={t('invite.emailHint')}
          autoComplete="username"
          value={invite.email}
          readOnly
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
        <Button type="submit" loading={accept.isPending}>
          {t('invite.submit')}
        </Button>
      </form>
    </div>
  );
}
