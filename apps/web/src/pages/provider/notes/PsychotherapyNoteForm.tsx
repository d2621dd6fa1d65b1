import { PsychotherapyNoteInput, PSYCHOTHERAPY_NOTE_MAX, type NoteView } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSavePsychotherapyNote } from '../../../api/notes.ts';
import { ErrorSummary } from '../../../forms/ErrorSummary.tsx';
import { checkWith, problemFromApi, type FieldMessages } from '../../../forms/fieldMessages.ts';
import { useFormProblem } from '../../../forms/useFormProblem.ts';
import { Button, TextAreaField } from '../../../ui/index.ts';

const fieldIds = { text: 'psychotherapy-note' };
const messages: FieldMessages<'text'> = { text: 'notes.validation.psychotherapyTooLong' };

type PsychotherapyNoteFormProps = { sessionId: string; saved: NoteView['psychotherapyNote']; onChanged: (message: string) => void };

/** The provider's own working notes: kept apart from the client's record, never shown to anyone else nor exported. */
export function PsychotherapyNoteForm({ sessionId, saved, onChanged }: PsychotherapyNoteFormProps) {
  const { t } = useTranslation();
  const save = useSavePsychotherapyNote(sessionId);
  const [text, setText] = useState(saved?.text ?? '');
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<'text'>();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const checked = checkWith(PsychotherapyNoteInput, { text }, messages);
    if (!checked.ok) return report(checked.problem);
    clear();
    save.mutate(checked.data, {
      onSuccess: () => onChanged(t('notes.private.saved')),
      onError: (failure) => report(problemFromApi(failure, messages)),
    });
  }

  return (
    <form className="form form__section notes__private" noValidate onSubmit={handleSubmit} aria-labelledby="private-heading">
      <h2 id="private-heading">{t('notes.private.heading')}</h2>
      <p>{t('notes.private.lead')}</p>
      {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
      <TextAreaField
        id={fieldIds.text}
        label={t('notes.private.label')}
        rows={6}
        maxLength={PSYCHOTHERAPY_NOTE_MAX}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        error={errorFor('text')}
      />
      <div className="form__actions">
        <Button type="submit" variant="secondary" loading={save.isPending}>
          {t('notes.private.save')}
        </Button>
      </div>
    </form>
  );
}
