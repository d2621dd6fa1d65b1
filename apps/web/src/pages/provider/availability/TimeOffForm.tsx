import { TimeOffInput } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddTimeOff } from '../../../api/workspace.ts';
import { ErrorSummary } from '../../../forms/ErrorSummary.tsx';
import { checkWith, problemFromApi, type FieldMessages } from '../../../forms/fieldMessages.ts';
import { useFormProblem } from '../../../forms/useFormProblem.ts';
import { instantFromWallTime } from '../../../time/zonedTime.ts';
import { Button, StatusMessage, TextField } from '../../../ui/index.ts';

type TimeOffField = keyof TimeOffInput;
type TimeOffDraft = Record<TimeOffField, string>;

const fieldIds: Record<TimeOffField, string> = {
  startsAt: 'time-off-starts',
  endsAt: 'time-off-ends',
  note: 'time-off-note',
};
const messages: FieldMessages<TimeOffField> = {
  startsAt: 'validation.timeOff.startsAt',
  endsAt: 'validation.timeOff.endsAt',
  note: 'validation.timeOff.note',
};
const emptyDraft: TimeOffDraft = { startsAt: '', endsAt: '', note: '' };

/**
 * The inputs give wall-clock times with no zone; they are read in the provider's own time zone
 * (not the browser's, which may differ while they travel) and sent as exact instants.
 */
function checkTimeOff(draft: TimeOffDraft, timeZone: string) {
  const startsAt = instantFromWallTime(draft.startsAt, timeZone);
  const endsAt = instantFromWallTime(draft.endsAt, timeZone);
  const checked = checkWith(
    TimeOffInput,
    { startsAt: startsAt?.toISOString(), endsAt: endsAt?.toISOString(), note: draft.note.trim() || undefined },
    messages,
  );
  if (!checked.ok || !startsAt || !endsAt || endsAt > startsAt) return checked;
  return { ok: false as const, problem: { fields: { endsAt: { key: messages.endsAt } } } };
}

export function TimeOffForm({ timeZone, zoneName }: { timeZone: string; zoneName: string }) {
  const { t } = useTranslation();
  const add = useAddTimeOff();
  const [draft, setDraft] = useState(emptyDraft);
  const [added, setAdded] = useState(false);
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<TimeOffField>();
  const change = (field: TimeOffField) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setDraft((current) => ({ ...current, [field]: value }));
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    setAdded(false);
    const checked = checkTimeOff(draft, timeZone);
    if (!checked.ok) {
      report(checked.problem);
      return;
    }
    clear();
    add.mutate(checked.data, {
      onSuccess: () => {
        setDraft(emptyDraft);
        setAdded(true);
      },
      onError: (failure) => report(problemFromApi(failure, messages)),
    });
  }

  return (
    <form className="form time-off__form" noValidate onSubmit={handleSubmit} aria-labelledby="time-off-form-heading">
      <h3 id="time-off-form-heading">{t('timeOff.form.heading')}</h3>
      <p className="muted">{t('timeOff.form.zone', { zone: zoneName })}</p>
      {problem && <ErrorSummary problem={problem} fieldIds={fieldIds} ref={summaryRef} />}
      <div className="form__row">
        <TextField
          id={fieldIds.startsAt}
          type="datetime-local"
          label={t('timeOff.form.startsAt')}
          value={draft.startsAt}
          onChange={change('startsAt')}
          error={errorFor('startsAt')}
        />
        <TextField
          id={fieldIds.endsAt}
          type="datetime-local"
          label={t('timeOff.form.endsAt')}
          value={draft.endsAt}
          onChange={change('endsAt')}
          error={errorFor('endsAt')}
        />
      </div>
      <TextField
        id={fieldIds.note}
        label={t('timeOff.form.note')}
        hint={t('timeOff.form.noteHint')}
        maxLength={200}
        value={draft.note}
        onChange={change('note')}
        error={errorFor('note')}
      />
      <StatusMessage message={added ? t('timeOff.added') : null} />
      <div className="form__actions">
        <Button type="submit" loading={add.isPending}>
          {t('timeOff.form.submit')}
        </Button>
      </div>
    </form>
  );
}
