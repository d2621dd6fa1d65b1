import { RequestProviderByName, type HardRuleName, type UsStateCode } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequestProvider } from '../../api/care.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { checkWith, type FieldMessages } from '../../forms/fieldMessages.ts';
import { useFormProblem } from '../../forms/useFormProblem.ts';
import { Alert, Button, CheckboxField, TextField } from '../../ui/index.ts';
import { useVocabulary } from '../../vocabulary/useVocabulary.ts';

type NameField = 'firstName' | 'lastName';
const fieldIds: Record<NameField, string> = { firstName: 'by-name-first', lastName: 'by-name-last' };
const messages: FieldMessages<NameField> = {
  firstName: 'care.byName.validation.firstName',
  lastName: 'care.byName.validation.lastName',
};

type Refusal = { providerName: string; failures: HardRuleName[] };
type RequestByNameProps = { clientState: UsStateCode | null; onMatched: (message: string) => void };

/** Asking for a provider by first and last name; a refusal says which rule stands in the way. */
export function RequestByName({ clientState, onMatched }: RequestByNameProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const request = useRequestProvider();
  const [values, setValues] = useState({ firstName: '', lastName: '', mayReadEarlierConversation: false });
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<NameField>();

  function ruleSentence(rule: HardRuleName): string {
    if (rule === 'not_licensed_in_state') {
      return clientState
        ? t('care.rule.not_licensed_in_state', { state: vocabulary.state(clientState) })
        : t('care.rule.not_licensed_in_state_unknown');
    }
    return t(`care.rule.${rule}`);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (request.isPending) return;
    setRefusal(null);
    const checked = checkWith(RequestProviderByName, values, messages);
    if (!checked.ok) {
      report(checked.problem);
      return;
    }
    clear();
    const name = `${checked.data.firstName} ${checked.data.lastName}`;
    request.mutate(checked.data, {
      onSuccess: (result) => {
        if (!result.matched) {
          setRefusal({ providerName: result.providerName, failures: result.failures });
          return;
        }
        setValues({ firstName: '', lastName: '', mayReadEarlierConversation: false });
        const current = result.care.current?.provider;
        onMatched(t('care.matched', { name: current ? `${current.firstName} ${current.lastName}` : name }));
      },
      onError: (failure) =>
        report({
          fields: {},
          general: failure.code === 'not_found' ? { key: 'care.byName.notFound', values: { name } } : { key: `errors.${failure.code}` },
        }),
    });
  }

  return (
    <section className="care__section" aria-labelledby="care-by-name-heading">
      <h2 id="care-by-name-heading">{t('care.byName.heading')}</h2>
      <p>{t('care.byName.lead')}</p>
      <form className="form care__form" noValidate onSubmit={handleSubmit}>
        {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
        <div className="form__row">
          <TextField
            id={fieldIds.firstName}
            label={t('fields.firstName.label')}
            value={values.firstName}
            onChange={(event) => setValues({ ...values, firstName: event.currentTarget.value })}
            error={errorFor('firstName')}
          />
          <TextField
            id={fieldIds.lastName}
            label={t('fields.lastName.label')}
            value={values.lastName}
            onChange={(event) => setValues({ ...values, lastName: event.currentTarget.value })}
            error={errorFor('lastName')}
          />
        </div>
        <CheckboxField
          id="by-name-history"
          label={t('care.byName.history')}
          checked={values.mayReadEarlierConversation}
          onChange={(mayReadEarlierConversation) => setValues({ ...values, mayReadEarlierConversation })}
        />
        <div className="form__actions">
          <Button type="submit" variant="secondary" loading={request.isPending}>
            {t('care.byName.submit')}
          </Button>
        </div>
      </form>
      {refusal && (
        <Alert tone="info" title={t('care.byName.refused', { name: refusal.providerName })}>
          <ul>
            {refusal.failures.map((rule) => (
              <li key={rule}>{ruleSentence(rule)}</li>
            ))}
          </ul>
        </Alert>
      )}
    </section>
  );
}
