import { EapPartnerInput } from '@haven/contract';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddEapPartner } from '../../../api/partnersOps.ts';
import { wholeNumberField } from '../../../money/money.ts';
import { ErrorSummary } from '../../../forms/ErrorSummary.tsx';
import { checkWith, problemFromApi, type FieldMessages } from '../../../forms/fieldMessages.ts';
import { useDraft } from '../../../forms/useDraft.ts';
import { Button, TextField } from '../../../ui/index.ts';

type OrganisationField = 'name' | 'sessionsPerClient' | 'endsOn';

const fieldIds: Record<OrganisationField, string> = {
  name: 'eap-name',
  sessionsPerClient: 'eap-sessions',
  endsOn: 'eap-ends-on',
};
const messages: FieldMessages<OrganisationField> = {
  name: 'partnersOps.validation.name',
  sessionsPerClient: 'partnersOps.validation.sessionsPerClient',
  endsOn: 'partnersOps.validation.endsOn',
};
const emptyDraft: Record<OrganisationField, string> = { name: '', sessionsPerClient: '', endsOn: '' };

/** A new EAP organisation: its name, the sessions each enrolled client gets, and when the agreement ends. */
export function AddOrganisationForm({ onAdded }: { onAdded: (message: string) => void }) {
  const { t } = useTranslation();
  const add = useAddEapPartner();
  const { draft, change, reset, problem, summaryRef, errorFor, report, clear } = useDraft(emptyDraft);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const values = { ...draft, sessionsPerClient: wholeNumberField(draft.sessionsPerClient) };
    const checked = checkWith(EapPartnerInput, values, messages);
    if (!checked.ok) return report(checked.problem);
    clear();
    add.mutate(checked.data, {
      onSuccess: (partner) => {
        reset();
        onAdded(t('partnersOps.eap.added', { name: partner.name }));
      },
      onError: (failure) => report(problemFromApi(failure, messages)),
    });
  }

  return (
    <form className="form form__section" noValidate onSubmit={submit} aria-labelledby="add-organisation-heading">
      <h3 id="add-organisation-heading">{t('partnersOps.eap.addHeading')}</h3>
      {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
      <TextField
        id={fieldIds.name}
        label={t('partnersOps.eap.name')}
        autoComplete="organization"
        maxLength={200}
        value={draft.name}
        onChange={change('name')}
        error={errorFor('name')}
      />
      <div className="form__row">
        <TextField
          id={fieldIds.sessionsPerClient}
          label={t('partnersOps.eap.sessionsPerClient')}
          hint={t('partnersOps.eap.sessionsHint')}
          inputMode="numeric"
          value={draft.sessionsPerClient}
          onChange={change('sessionsPerClient')}
          error={errorFor('sessionsPerClient')}
        />
        <TextField
          id={fieldIds.endsOn}
          type="date"
          label={t('partnersOps.eap.endsOn')}
          hint={t('partnersOps.eap.endsOnHint')}
          value={draft.endsOn}
          onChange={change('endsOn')}
          error={errorFor('endsOn')}
        />
      </div>
      <div className="form__actions">
        <Button type="submit" loading={add.isPending}>
          {t('partnersOps.eap.add')}
        </Button>
      </div>
    </form>
  );
}
