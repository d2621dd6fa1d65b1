import { AmendmentInput, NOTE_REASON_MAX, NOTE_TEXT_MAX, type Amendment } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddAmendment } from '../../../api/notes.ts';
import { ErrorSummary } from '../../../forms/ErrorSummary.tsx';
import { checkWith, problemFromApi, type FieldMessages } from '../../../forms/fieldMessages.ts';
import { useFormProblem } from '../../../forms/useFormProblem.ts';
import { formatDateTime } from '../../../time/formatting.ts';
import { Button, TextAreaField } from '../../../ui/index.ts';

type AmendmentField = keyof AmendmentInput;
const fieldIds: Record<AmendmentField, string> = { text: 'amendment-text', reason: 'amendment-reason' };
const messages: FieldMessages<AmendmentField> = { text: 'notes.validation.amendmentText', reason: 'notes.validation.amendmentReason' };
const empty: Record<AmendmentField, string> = { text: '', reason: '' };

type AmendmentsProps = { sessionId: string; amendments: Amendment[]; timeZone: string; onChanged: (message: string) => void };

/** What was added to a signed note, oldest first, and the form that adds more. */
export function Amendments({ sessionId, amendments, timeZone, onChanged }: AmendmentsProps) {
  const { t, i18n } = useTranslation();
  const add = useAddAmendment(sessionId);
  const [draft, setDraft] = useState(empty);
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<AmendmentField>();
  const change = (field: AmendmentField) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setDraft((current) => ({ ...current, [field]: value }));
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const checked = checkWith(AmendmentInput, draft, messages);
    if (!checked.ok) return report(checked.problem);
    clear();
    add.mutate(checked.data, {
      onSuccess: () => {
        setDraft(empty);
        onChanged(t('notes.amendments.added'));
      },
      onError: (failure) => report(problemFromApi(failure, messages)),
    });
  }

  return (
    <section className="notes__amendments" aria-labelledby="amendments-heading">
      <h2 id="amendments-heading">{t('notes.amendments.heading')}</h2>
      {amendments.length === 0 ? (
        <p>{t('notes.amendments.none')}</p>
      ) : (
        <ol className="bare-list notes__amendment-list">
          {amendments.map((amendment) => (
            <li key={amendment.id} className="notes__amendment">
              <p className="notes__text">{amendment.text}</p>
              <p>
                <strong>{t('notes.amendments.reason')}</strong> {amendment.reason}
              </p>
              <p className="notes__signature">
                {t('notes.signed.signatureLine', {
                  signature: amendment.signature,
                  when: formatDateTime(amendment.signedAt, timeZone, i18n.language),
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
      <form className="form form__section" noValidate onSubmit={handleSubmit} aria-labelledby="amendment-form-heading">
        <h3 id="amendment-form-heading">{t('notes.amendments.formHeading')}</h3>
        {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
        <TextAreaField
          id={fieldIds.text}
          label={t('notes.amendments.text')}
          rows={4}
          maxLength={NOTE_TEXT_MAX}
          value={draft.text}
          onChange={change('text')}
          error={errorFor('text')}
        />
        <TextAreaField
          id={fieldIds.reason}
          label={t('notes.amendments.reasonLabel')}
          hint={t('notes.amendments.reasonHint')}
          rows={2}
          maxLength={NOTE_REASON_MAX}
          value={draft.reason}
          onChange={change('reason')}
          error={errorFor('reason')}
        />
        <div className="form__actions">
          <Button type="submit" loading={add.isPending}>
            {t('notes.amendments.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
