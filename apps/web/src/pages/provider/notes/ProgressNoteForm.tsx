import { ProgressNoteDraft, cptCodes, NOTE_TEXT_MAX, type NoteView } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../../../api/client.ts';
import { useSaveDraft, useSignNote } from '../../../api/notes.ts';
import { ErrorSummary } from '../../../forms/ErrorSummary.tsx';
import { checkWith, problemFromApi, type FieldMessages } from '../../../forms/fieldMessages.ts';
import type { FormProblem } from '../../../forms/problems.ts';
import { useFormProblem } from '../../../forms/useFormProblem.ts';
import { Button, ConfirmButton, SelectField, TextAreaField, TextField } from '../../../ui/index.ts';
import { suggestedCpt } from './cpt.ts';

type NoteField = keyof ProgressNoteDraft;
type Draft = Record<NoteField, string>;
const textFields = ['presentation', 'interventions', 'plan', 'risk'] as const;
const requiredToSign = ['presentation', 'interventions', 'plan'] as const;

const fieldIds: Record<NoteField, string> = {
  presentation: 'note-presentation',
  interventions: 'note-interventions',
  plan: 'note-plan',
  risk: 'note-risk',
  minutes: 'note-minutes',
  cptCode: 'note-cpt',
};
const messages: FieldMessages<NoteField> = {
  presentation: 'notes.validation.tooLong',
  interventions: 'notes.validation.tooLong',
  plan: 'notes.validation.tooLong',
  risk: 'notes.validation.tooLong',
  minutes: 'notes.validation.minutes',
  cptCode: 'notes.validation.cptCode',
};

function draftOf(view: NoteView): Draft {
  const note = view.note;
  return {
    presentation: note?.presentation ?? '',
    interventions: note?.interventions ?? '',
    plan: note?.plan ?? '',
    risk: note?.risk ?? '',
    minutes: String(note?.minutes ?? view.defaultMinutes),
    cptCode: note ? (note.cptCode ?? '') : (view.suggestedCpt ?? ''),
  };
}

const minutesOf = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);
const inputOf = (draft: Draft) => ({ ...draft, minutes: minutesOf(draft.minutes), cptCode: draft.cptCode === '' ? null : draft.cptCode });

/** What stops signing, found before asking the server: the three sections, and the code the minutes call for. */
function missingToSign(draft: Draft, view: NoteView): FormProblem<NoteField> | null {
  const problem: FormProblem<NoteField> = { fields: {} };
  for (const field of requiredToSign) if (!draft[field].trim()) problem.fields[field] = { key: `notes.validation.required.${field}` };
  const expected = suggestedCpt(minutesOf(draft.minutes), view.cptMinimumMinutes);
  if ((draft.cptCode || null) !== expected) {
    problem.fields.cptCode = expected
      ? { key: 'notes.validation.cptMismatch', values: { code: expected } }
      : { key: 'notes.validation.cptNone' };
  }
  return Object.keys(problem.fields).length ? problem : null;
}

/** A 422 from signing names the fields still missing; anything else goes through the usual mapping. */
function problemFromSigning(failure: ApiFailure, draft: Draft, view: NoteView): FormProblem<NoteField> {
  if (failure.code === 'note_incomplete') return missingToSign(draft, view) ?? { fields: {}, general: { key: 'errors.note_incomplete' } };
  return problemFromApi(failure, messages);
}

type ProgressNoteFormProps = { sessionId: string; view: NoteView; onChanged: (message: string) => void };

/** The structured progress note: drafted and saved as often as needed, then signed and locked. */
export function ProgressNoteForm({ sessionId, view, onChanged }: ProgressNoteFormProps) {
  const { t } = useTranslation();
  const save = useSaveDraft(sessionId);
  const sign = useSignNote(sessionId);
  const [draft, setDraft] = useState(() => draftOf(view));
  // Counts refused signatures: each closes the confirmation, so what is missing is read first.
  const [refusals, setRefusals] = useState(0);
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<NoteField>();
  const suggestion = suggestedCpt(minutesOf(draft.minutes), view.cptMinimumMinutes);

  const change = (field: NoteField) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setDraft((current) => {
      const next = { ...current, [field]: value };
      // A new number of minutes brings the code it calls for; the provider can still choose another.
      if (field === 'minutes') next.cptCode = suggestedCpt(minutesOf(value), view.cptMinimumMinutes) ?? '';
      return next;
    });
  };

  function checked(): ProgressNoteDraft | null {
    const result = checkWith(ProgressNoteDraft, inputOf(draft), messages);
    if (result.ok) return result.data;
    report(result.problem);
    return null;
  }

  function handleSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending || sign.isPending) return;
    const input = checked();
    if (!input) return;
    clear();
    save.mutate(input, {
      onSuccess: () => onChanged(t('notes.form.saved')),
      onError: (failure) => report(problemFromApi(failure, messages)),
    });
  }

  function refuse(problem: FormProblem<NoteField>) {
    setRefusals((count) => count + 1);
    report(problem);
  }

  function handleSign() {
    const result = checkWith(ProgressNoteDraft, inputOf(draft), messages);
    if (!result.ok) return refuse(result.problem);
    const missing = missingToSign(draft, view);
    if (missing) return refuse(missing);
    clear();
    sign.mutate(result.data, {
      onSuccess: () => onChanged(t('notes.form.signed')),
      onError: (failure) => refuse(problemFromSigning(failure, draft, view)),
    });
  }

  return (
    <form className="form form__section notes__form" noValidate onSubmit={handleSave} aria-labelledby="note-form-heading">
      <h2 id="note-form-heading">{t('notes.form.heading')}</h2>
      <p className="muted">{t('notes.form.lead')}</p>
      {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
      {textFields.map((field) => (
        <TextAreaField
          key={field}
          id={fieldIds[field]}
          label={t(`notes.form.${field}.label`)}
          hint={t(`notes.form.${field}.hint`)}
          rows={field === 'risk' ? 3 : 5}
          maxLength={NOTE_TEXT_MAX}
          value={draft[field]}
          onChange={change(field)}
          error={errorFor(field)}
        />
      ))}
      <div className="form__row">
        <TextField
          id={fieldIds.minutes}
          label={t('notes.form.minutes.label')}
          hint={t('notes.form.minutes.hint', { count: view.defaultMinutes })}
          inputMode="numeric"
          autoComplete="off"
          value={draft.minutes}
          onChange={change('minutes')}
          error={errorFor('minutes')}
        />
        <SelectField
          id={fieldIds.cptCode}
          label={t('notes.form.cpt.label')}
          hint={suggestion ? t('notes.form.cpt.suggested', { code: suggestion }) : t('notes.form.cpt.notBillable')}
          value={draft.cptCode}
          onChange={change('cptCode')}
          error={errorFor('cptCode')}
        >
          <option value="">{t('notes.form.cpt.none')}</option>
          {cptCodes.map((code) => (
            <option key={code} value={code}>
              {t(`notes.cpt.${code}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form__actions">
        <Button type="submit" variant="secondary" loading={save.isPending}>
          {t('notes.form.save')}
        </Button>
        <ConfirmButton
          key={refusals}
          label={t('notes.form.sign')}
          question={t('notes.form.signQuestion')}
          confirmLabel={t('notes.form.signConfirm')}
          cancelLabel={t('notes.form.signCancel')}
          variant="primary"
          pending={sign.isPending}
          onConfirm={handleSign}
          onAsk={clear}
        />
      </div>
    </form>
  );
}
