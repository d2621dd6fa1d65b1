import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveSessionSettings, useSessionSettings } from '../../../api/calendar.ts';
import { Alert, CheckboxField, StatusMessage } from '../../../ui/index.ts';

/** "Confirm each booking myself": off, bookings are confirmed at once (autoConfirm). */
export function ConfirmBookingsSetting() {
  const { t } = useTranslation();
  const settings = useSessionSettings();
  const save = useSaveSessionSettings();
  const [saved, setSaved] = useState<string | null>(null);
  if (!settings.data) return null;
  // While a change is saving, the box shows it; a refused change falls back to what is stored.
  const autoConfirm = save.isPending && save.variables ? save.variables.autoConfirm : settings.data.autoConfirm;

  return (
    <div className="calendar__setting">
      <CheckboxField
        id="confirm-bookings"
        label={t('providerCalendar.settings.confirmMyself')}
        hint={t('providerCalendar.settings.hint')}
        checked={!autoConfirm}
        onChange={(checked) => {
          setSaved(null);
          save.mutate(
            { autoConfirm: !checked },
            {
              onSuccess: (next) =>
                setSaved(t(next.autoConfirm ? 'providerCalendar.settings.savedAuto' : 'providerCalendar.settings.savedMyself')),
            },
          );
        }}
      />
      {save.isError && (
        <Alert tone="error">
          <p>{t(`errors.${save.error.code}`)}</p>
        </Alert>
      )}
      <StatusMessage message={saved} />
    </div>
  );
}
