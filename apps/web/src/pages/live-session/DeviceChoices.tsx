import type { LiveModality } from '@haven/contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceChoice } from '../../live-session/localMedia.ts';
import { SelectField } from '../../ui/index.ts';

export type DeviceLists = { cameras: MediaDeviceInfo[]; microphones: MediaDeviceInfo[] };

/** Which camera and microphone to use: before joining, and during the session. */
export function DeviceChoices({
  modality,
  lists,
  value,
  onChange,
}: {
  modality: LiveModality;
  lists: DeviceLists;
  value: DeviceChoice;
  onChange: (choice: DeviceChoice) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  if (modality === 'chat') return null;
  return (
    <div className="live-session__devices">
      {modality === 'video' && lists.cameras.length > 0 && (
        <SelectField
          id={`${id}-camera`}
          label={t('liveSession.lobby.camera')}
          value={value.cameraId ?? ''}
          onChange={(e) => onChange({ ...value, cameraId: e.target.value || null })}
        >
          {lists.cameras.map((d, index) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || t('liveSession.lobby.cameraN', { n: index + 1 })}
            </option>
          ))}
        </SelectField>
      )}
      {lists.microphones.length > 0 && (
        <SelectField
          id={`${id}-mic`}
          label={t('liveSession.lobby.microphone')}
          value={value.microphoneId ?? ''}
          onChange={(e) => onChange({ ...value, microphoneId: e.target.value || null })}
        >
          {lists.microphones.map((d, index) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || t('liveSession.lobby.microphoneN', { n: index + 1 })}
            </option>
          ))}
        </SelectField>
      )}
    </div>
  );
}
