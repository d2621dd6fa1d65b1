import { sessionLengths, type Availability } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveAvailability } from '../../../api/workspace.ts';
import { ErrorSummary } from '../../../forms/ErrorSummary.tsx';
import { problemFromApi } from '../../../forms/fieldMessages.ts';
import { useFormProblem } from '../../../forms/useFormProblem.ts';
import { Button, CheckboxGroup, StatusMessage, TextField } from '../../../ui/index.ts';
import {
  availabilityFieldIds as ids,
  availabilityMessages,
  checkAvailability,
  draftFromAvailability,
  type AvailabilityDraft,
  type AvailabilityField,
} from './availabilityDraft.ts';
import { WeeklyHoursEditor } from './WeeklyHoursEditor.tsx';

type AvailabilityFormProps = { availability: Availability; zoneName: string };

export function AvailabilityForm({ availability, zoneName }: AvailabilityFormProps) {
  const { t } = useTranslation();
  const save = useSaveAvailability();
  const [draft, setDraft] = useState(() => draftFromAvailability(availability));
  const [saved, setSaved] = useState(false);
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<AvailabilityField>();
  const update = (change: Partial<AvailabilityDraft>) => setDraft((current) => ({ ...current, ...change }));
  const lengthChoices = sessionLengths.map((length) => ({
    value: length,
    label: t('availability.minutes', { count: length }),
  }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    const checked = checkAvailability(draft, availability.exceptions);
    if (!checked.ok) {
      report(checked.problem);
      return;
    }
    clear();
    save.mutate(checked.data, {
      onSuccess: () => setSaved(true),
      onError: (failure) => report(problemFromApi(failure, availabilityMessages)),
    });
  }

  return (
    <form className="form form__section" noValidate onSubmit={handleSubmit} aria-labelledby="availability-heading">
      <h2 id="availability-heading">{t('availability.weekly.heading')}</h2>
      {problem && <ErrorSummary problem={problem} fieldIds={ids} ref={summaryRef} />}
      <WeeklyHoursEditor
        id={ids.weekly}
        weekly={draft.weekly}
        onChange={(weekly) => update({ weekly })}
        hint={t('availability.weekly.hint', { zone: zoneName })}
        error={errorFor('weekly')}
      />
      <CheckboxGroup
        id={ids.sessionLengths}
        legend={t('availability.lengths')}
        choices={lengthChoices}
        selected={draft.sessionLengths}
        onChange={(lengths) => update({ sessionLengths: lengths })}
        error={errorFor('sessionLengths')}
      />
      <div className="form__row">
        <TextField
          id={ids.bufferMinutes}
          label={t('availability.buffer')}
          hint={t('availability.bufferHint')}
          inputMode="numeric"
          value={draft.bufferMinutes}
          onChange={(event) => update({ bufferMinutes: event.currentTarget.value })}
          error={errorFor('bufferMinutes')}
        />
        <TextField
          id={ids.minNoticeHours}
          label={t('availability.notice')}
          hint={t('availability.noticeHint')}
          inputMode="numeric"
          value={draft.minNoticeHours}
          onChange={(event) => update({ minNoticeHours: event.currentTarget.value })}
          error={errorFor('minNoticeHours')}
        />
      </div>
      <StatusMessage message={saved ? t('availability.saved') : null} />
      <div className="form__actions">
        <Button type="submit" loading={save.isPending}>
          {t('availability.submit')}
        </Button>
      </div>
    </form>
  );
}
