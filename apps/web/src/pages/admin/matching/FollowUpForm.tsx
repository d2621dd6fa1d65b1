import { SafetyFollowUp, type SafetyFlag } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordFollowUp } from '../../../api/matchingOps.ts';
import { checkWith } from '../../../forms/fieldMessages.ts';
import { Alert, Button, TextAreaField } from '../../../ui/index.ts';

type FollowUpFormProps = {
  flag: SafetyFlag;
  /** Said in a live region that outlives this form, which goes once the follow-up is recorded. */
  onRecorded: (message: string) => void;
};

/** Records what was done for one flagged client; the note is required. */
export function FollowUpForm({ flag, onRecorded }: FollowUpFormProps) {
  const { t } = useTranslation();
  const record = useRecordFollowUp();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const noteId = `follow-up-${flag.id}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    const checked = checkWith(SafetyFollowUp, { note }, { note: 'matchingOps.safety.noteMissing' });
    if (!checked.ok) {
      setNoteError(t('matchingOps.safety.noteMissing'));
      document.getElementById(noteId)?.focus();
      return;
    }
    setNoteError(undefined);
    record.mutate(
      { flagId: flag.id, note: checked.data.note },
      { onSuccess: () => onRecorded(t('matchingOps.safety.recorded', { name: flag.clientName })) },
    );
  }

  const failure =
    record.error && (record.error.code === 'conflict' ? t('matchingOps.safety.alreadyFollowedUp') : t(`errors.${record.error.code}`));
  return (
    <form className="form follow-up" noValidate onSubmit={submit}>
      {failure && <Alert tone="error">{failure}</Alert>}
      <TextAreaField
        id={noteId}
        label={t('matchingOps.safety.noteLabel')}
        hint={t('matchingOps.safety.noteHint')}
        value={note}
        rows={3}
        maxLength={2000}
        required
        onChange={(event) => setNote(event.currentTarget.value)}
        error={noteError}
      />
      <div className="form__actions">
        <Button type="submit" loading={record.isPending}>
          {t('matchingOps.safety.submit')}
          <span className="visually-hidden"> {t('matchingOps.safety.submitFor', { name: flag.clientName })}</span>
        </Button>
      </div>
    </form>
  );
}
