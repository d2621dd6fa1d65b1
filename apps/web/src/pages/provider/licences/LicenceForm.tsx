import { LicenceInput } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddLicence } from '../../../api/workspace.ts';
import { ErrorSummary } from '../../../forms/ErrorSummary.tsx';
import { checkWith, problemFromApi, type FieldMessages } from '../../../forms/fieldMessages.ts';
import { useFormProblem } from '../../../forms/useFormProblem.ts';
import { Button, SelectField, StatusMessage, TextField } from '../../../ui/index.ts';
import { useLicenceName } from '../../licences/LicenceTable.tsx';
import { StateOptions } from '../../../vocabulary/StateOptions.tsx';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';

type LicenceField = keyof LicenceInput;
type LicenceDraft = Record<LicenceField, string>;

const fieldIds: Record<LicenceField, string> = {
  state: 'licence-state',
  licenceType: 'licence-type',
  number: 'licence-number',
  expiresOn: 'licence-expires',
};
const messages: FieldMessages<LicenceField> = {
  state: 'validation.licence.state',
  licenceType: 'validation.licence.licenceType',
  number: 'validation.licence.number',
  expiresOn: 'validation.licence.expiresOn',
};
const emptyDraft: LicenceDraft = { state: '', licenceType: '', number: '', expiresOn: '' };

export function LicenceForm() {
  const { t } = useTranslation();
  const licenceName = useLicenceName();
  const [added, setAdded] = useState<string | null>(null);
  const vocabulary = useVocabulary();
  const add = useAddLicence();
  const [draft, setDraft] = useState(emptyDraft);
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<LicenceField>();
  const change = (field: LicenceField) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setDraft((current) => ({ ...current, [field]: value }));
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const checked = checkWith(LicenceInput, draft, messages);
    if (!checked.ok) {
      report(checked.problem);
      return;
    }
    clear();
    const input = checked.data;
    setAdded(null);
    add.mutate(input, {
      onSuccess: (workspace) => {
        setDraft(emptyDraft);
        const licence = workspace.licences.find(
          (l) => l.state === input.state && l.licenceType === input.licenceType && l.number === input.number,
        );
        setAdded(licence ? t('licences.added', { licence: licenceName(licence) }) : t('licences.addedPlain'));
      },
      onError: (failure) => report(problemFromApi(failure, messages)),
    });
  }

  return (
    <form className="form form__section" noValidate onSubmit={handleSubmit} aria-labelledby="licence-form-heading">
      <h2 id="licence-form-heading">{t('licences.form.heading')}</h2>
      {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
      <div className="form__row">
        <SelectField
          id={fieldIds.state}
          label={t('licences.form.state')}
          value={draft.state}
          onChange={change('state')}
          error={errorFor('state')}
        >
          <option value="">{t('form.choose')}</option>
          <StateOptions />
        </SelectField>
        <SelectField
          id={fieldIds.licenceType}
          label={t('licences.form.type')}
          value={draft.licenceType}
          onChange={change('licenceType')}
          error={errorFor('licenceType')}
        >
          <option value="">{t('form.choose')}</option>
          {vocabulary.choices.credentials.map((credential) => (
            <option key={credential.value} value={credential.value}>
              {`${credential.label} (${credential.description ?? ''})`}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form__row">
        <TextField
          id={fieldIds.number}
          label={t('licences.form.number')}
          autoComplete="off"
          spellCheck={false}
          value={draft.number}
          onChange={change('number')}
          error={errorFor('number')}
        />
        <TextField
          id={fieldIds.expiresOn}
          type="date"
          label={t('licences.form.expiresOn')}
          value={draft.expiresOn}
          onChange={change('expiresOn')}
          error={errorFor('expiresOn')}
        />
      </div>
      <StatusMessage message={added} />
      <div className="form__actions">
        <Button type="submit" loading={add.isPending}>
          {t('licences.form.submit')}
        </Button>
      </div>
    </form>
  );
}
