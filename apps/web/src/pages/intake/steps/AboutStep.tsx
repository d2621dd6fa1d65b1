import { UsState } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { TimeZoneField } from '../../../time/TimeZoneField.tsx';
import { SelectField } from '../../../ui/index.ts';
import { StateOptions } from '../../../vocabulary/StateOptions.tsx';
import { intakeFieldIds as ids } from '../intakeDraft.ts';
import { DateOfBirthField } from './DateOfBirthField.tsx';
import type { IntakeStepProps } from './stepProps.ts';

export function AboutStep({ draft, update, errorFor }: IntakeStepProps) {
  const { t } = useTranslation();

  return (
    <>
      <SelectField
        id={ids.state}
        className="form__short"
        label={t('intake.about.state')}
        hint={t('intake.about.stateHint')}
        value={draft.state}
        onChange={(event) => {
          const state = UsState.safeParse(event.currentTarget.value);
          update({ state: state.success ? state.data : '' });
        }}
        error={errorFor('state')}
      >
        <option value="">{t('form.choose')}</option>
        <StateOptions />
      </SelectField>
      <DateOfBirthField id={ids.dateOfBirth} draft={draft} update={update} error={errorFor('dateOfBirth')} />
      <TimeZoneField
        id={ids.timeZone}
        label={t('intake.about.timeZone')}
        hint={t('intake.about.timeZoneHint')}
        value={draft.timeZone}
        onChange={(timeZone) => update({ timeZone })}
        error={errorFor('timeZone')}
      />
    </>
  );
}
