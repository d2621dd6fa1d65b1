import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../ui/index.ts';
import { describeTimeZone } from './formatting.ts';
import { otherTimeZones, usTimeZones } from './timeZones.ts';

type TimeZoneFieldProps = {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (timeZone: string) => void;
  error?: string;
};

/** A choice of time zone: the United States' zones first, by name, then every other one. */
export function TimeZoneField({ id, label, hint, value, onChange, error }: TimeZoneFieldProps) {
  const { t, i18n } = useTranslation();
  const us: readonly string[] = usTimeZones;
  const others = useMemo(() => otherTimeZones(), []);

  return (
    <SelectField id={id} label={label} hint={hint} value={value} onChange={(event) => onChange(event.currentTarget.value)} error={error}>
      <option value="">{t('form.choose')}</option>
      {value && !us.includes(value) && !others.includes(value) && <option value={value}>{value}</option>}
      <optgroup label={t('providerProfile.hours.usTimeZones')}>
        {usTimeZones.map((zone) => (
          <option key={zone} value={zone}>
            {describeTimeZone(zone, i18n.language)}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('providerProfile.hours.allTimeZones')}>
        {others.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </optgroup>
    </SelectField>
  );
}
