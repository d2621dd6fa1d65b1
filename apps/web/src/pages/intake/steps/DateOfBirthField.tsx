import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../ui/index.ts';
import { describedBy, FieldError, FieldHint } from '../../../ui/FieldParts.tsx';
import type { IntakeDraft } from '../intakeDraft.ts';

const numberParts = [
  { part: 'day', field: 'birthDay', maxLength: 2 },
  { part: 'year', field: 'birthYear', maxLength: 4 },
] as const;

type DateOfBirthFieldProps = {
  id: string;
  draft: Pick<IntakeDraft, 'birthMonth' | 'birthDay' | 'birthYear'>;
  update: (change: Partial<Pick<IntakeDraft, 'birthMonth' | 'birthDay' | 'birthYear'>>) => void;
  error?: string;
};

/** Month, day and year as three fields: easier to type, and to read back, than a date picker. */
export function DateOfBirthField({ id, draft, update, error }: DateOfBirthFieldProps) {
  const { t, i18n } = useTranslation();
  const hint = t('intake.about.dateOfBirthHint');
  const months = useMemo(() => {
    const name = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, index) => ({ value: String(index + 1), label: name.format(Date.UTC(2000, index, 1)) }));
  }, [i18n.language]);
  const invalid = Boolean(error);
  // The error is said once, on the fieldset; each part is marked so its border shows it.
  const partClass = (part: string) => ['date-parts__' + part, invalid ? 'field--invalid' : ''].filter(Boolean).join(' ');

  return (
    <fieldset id={id} className="choices date-parts" aria-describedby={describedBy(id, hint, error)}>
      <legend className="choices__legend">{t('intake.about.dateOfBirth')}</legend>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <div className="date-parts__fields">
        <SelectField
          id={`${id}-month`}
          className={partClass('month')}
          label={t('intake.about.month')}
          autoComplete="bday-month"
          value={draft.birthMonth}
          onChange={(event) => update({ birthMonth: event.currentTarget.value })}
        >
          <option value="">{t('form.choose')}</option>
          {months.map((month) => (
            <option key={month.value} value={month.value}>
              {month.label}
            </option>
          ))}
        </SelectField>
        {numberParts.map(({ part, field, maxLength }) => (
          <TextField
            key={part}
            id={`${id}-${part}`}
            className={partClass(part)}
            label={t(`intake.about.${part}`)}
            inputMode="numeric"
            autoComplete={`bday-${part}`}
            maxLength={maxLength}
            value={draft[field]}
            onChange={(event) => update({ [field]: event.currentTarget.value })}
          />
        ))}
      </div>
    </fieldset>
  );
}
