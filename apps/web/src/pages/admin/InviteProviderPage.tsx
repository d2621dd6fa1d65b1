import { InviteProviderRequest, type ProviderInvite } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useInviteProvider } from '../../api/operations.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { checkWith, problemFromApi, type FieldMessages } from '../../forms/fieldMessages.ts';
import { useFormProblem } from '../../forms/useFormProblem.ts';
import { Button, TextField } from '../../ui/index.ts';
import { InvitationLink } from './InvitationLink.tsx';

type InviteField = keyof InviteProviderRequest;

const fieldIds: Record<InviteField, string> = {
  firstName: 'invite-first-name',
  lastName: 'invite-last-name',
  email: 'invite-email',
};
const messages: FieldMessages<InviteField> = {
  firstName: 'validation.invite.firstName',
  lastName: 'validation.invite.lastName',
  email: 'validation.email.invalid',
};
const emptyDraft: Record<InviteField, string> = { firstName: '', lastName: '', email: '' };

export function InviteProviderPage() {
  const { t } = useTranslation();
  usePageTitle('titles.adminInvite');
  const invite = useInviteProvider();
  const [draft, setDraft] = useState(emptyDraft);
  const [sent, setSent] = useState<ProviderInvite | null>(null);
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<InviteField>();
  const change = (field: InviteField) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setDraft((current) => ({ ...current, [field]: value }));
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (invite.isPending) return;
    const checked = checkWith(InviteProviderRequest, { ...draft, email: draft.email.trim() }, messages);
    if (!checked.ok) {
      report(checked.problem);
      return;
    }
    clear();
    invite.mutate(checked.data, {
      onSuccess: (created) => {
        setSent(created);
        setDraft(emptyDraft);
      },
      onError: (failure) =>
        report(
          failure.code === 'email_taken' || failure.code === 'conflict'
            ? { fields: { email: { key: 'errors.email_taken' } } }
            : problemFromApi(failure, messages),
        ),
    });
  }

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('adminInvite.heading')}</h1>
        <p className="lead">{t('adminInvite.lead')}</p>
      </div>
      {sent ? (
        <InvitationLink invite={sent} onAnother={() => setSent(null)} />
      ) : (
        <form className="form form__section" noValidate onSubmit={handleSubmit}>
          {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
          <div className="form__row">
            <TextField
              id={fieldIds.firstName}
              label={t('fields.firstName.label')}
              autoComplete="off"
              value={draft.firstName}
              onChange={change('firstName')}
              error={errorFor('firstName')}
            />
            <TextField
              id={fieldIds.lastName}
              label={t('fields.lastName.label')}
              autoComplete="off"
              value={draft.lastName}
              onChange={change('lastName')}
              error={errorFor('lastName')}
            />
          </div>
          <TextField
            id={fieldIds.email}
            type="email"
            inputMode="email"
            label={t('fields.email.label')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={draft.email}
            onChange={change('email')}
            error={errorFor('email')}
          />
          <div className="form__actions">
            <Button type="submit" loading={invite.isPending}>
              {t('adminInvite.submit')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
