import { usStateCodes, type LiveSession, type UsStateCode } from '@haven/contract';
import { isJoinable, joinWindow } from '@haven/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJoinSession } from '../../api/sessions.ts';
import { listDevices, openLocalMedia, stopMedia, type DeviceChoice, type LocalMedia } from '../../live-session/localMedia.ts';
import { browserTimeZone, formatDateTime, formatTimeOfDay } from '../../time/formatting.ts';
import { useNow } from '../../time/useNow.ts';
import { Alert, Button, ButtonLink, Card, SelectField } from '../../ui/index.ts';
import { StateOptions } from '../../vocabulary/StateOptions.tsx';
import { DeviceChoices, type DeviceLists } from './DeviceChoices.tsx';
import { counterpartName, type Joined } from './joined.ts';

/** Before joining: when it opens, where the client is, and which camera and microphone to use. */
export function Lobby({
  session,
  role,
  onJoined,
}: {
  session: LiveSession;
  role: 'client' | 'provider';
  onJoined: (joined: Joined) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const zone = browserTimeZone();
  const now = useNow(15_000);
  const join = useJoinSession();
  const [location, setLocation] = useState<UsStateCode | ''>('');
  const [locationError, setLocationError] = useState<string | undefined>();
  const [devices, setDevices] = useState<DeviceChoice>({ cameraId: null, microphoneId: null });
  const [media, setMedia] = useState<LocalMedia | null>(null);
  const [lists, setLists] = useState<DeviceLists>({ cameras: [], microphones: [] });
  const preview = useRef<HTMLVideoElement>(null);
  const handedOver = useRef(false);

  const open = isJoinable(session, new Date(now));
  const modality = session.currentModality;

  // The preview: what the other person will see and hear, chosen before joining.
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    let opened: MediaStream | null = null;
    void openLocalMedia(modality, devices).then(async (result) => {
      opened = result.stream;
      if (cancelled) return stopMedia(opened);
      setMedia(result);
      setLists(await listDevices());
    });
    return () => {
      cancelled = true;
      if (!handedOver.current) stopMedia(opened);
    };
  }, [open, modality, devices]);

  useEffect(() => {
    if (preview.current) preview.current.srcObject = media?.stream ?? null;
  }, [media]);

  function submit() {
    if (role === 'client' && !location) {
      setLocationError(t('liveSession.lobby.locationRequired'));
      return;
    }
    setLocationError(undefined);
    join.mutate(
      { sessionId: session.id, ...(role === 'client' ? { locationState: location as UsStateCode } : {}) },
      {
        onSuccess: (result) => {
          handedOver.current = true;
          onJoined({ join: result, stream: media?.stream ?? null, devices });
        },
      },
    );
  }

  const when = formatDateTime(session.startsAt, zone, i18n.language);
  return (
    <Card>
      <h1>{t(`liveSession.heading.${session.modality}`, { name: counterpartName(session, role) })}</h1>
      <p>
        {when} · {t('liveSession.minutes', { count: session.lengthMinutes })}
      </p>
      {!open && <NotOpen session={session} now={now} zone={zone} role={role} />}
      {open && (
        <>
          {modality !== 'chat' && (
            <div className="live-session__preview">
              <video ref={preview} autoPlay playsInline muted aria-label={t('liveSession.lobby.preview')} />
              {media?.problem && <p className="live-session__hint">{t(`liveSession.media.${media.problem}`)}</p>}
            </div>
          )}
          <DeviceChoices modality={modality} lists={lists} value={devices} onChange={setDevices} />
          {role === 'client' && (
            <SelectField
              id={`${id}-location`}
              label={t('liveSession.lobby.location')}
              hint={t('liveSession.lobby.locationHint')}
              error={locationError}
              value={location}
              onChange={(e) => setLocation(usStateCodes.includes(e.target.value as UsStateCode) ? (e.target.value as UsStateCode) : '')}
            >
              <option value="">{t('liveSession.lobby.chooseState')}</option>
              <StateOptions />
            </SelectField>
          )}
          {join.error && <Alert tone="error">{join.error.message}</Alert>}
          <Button onClick={submit} loading={join.isPending}>
            {t('liveSession.lobby.join')}
          </Button>
        </>
      )}
    </Card>
  );
}

function NotOpen({ session, now, zone, role }: { session: LiveSession; now: number; zone: string; role: 'client' | 'provider' }) {
  const { t, i18n } = useTranslation();
  if (session.status === 'requested') return <Alert tone="info">{t('liveSession.lobby.awaitingConfirmation')}</Alert>;
  if (session.status !== 'booked' || session.endedAt || now >= joinWindow(session).closes.getTime()) {
    return (
      <>
        <Alert tone="info">{t(session.outcome ? `liveSession.over.${session.outcome}` : 'liveSession.over.generic')}</Alert>
        {session.outcome === 'completed' && role === 'provider' && (
          <ButtonLink to={`/provider/sessions/${session.id}/note`}>{t('liveSession.writeNote')}</ButtonLink>
        )}
      </>
    );
  }
  return <Alert tone="info">{t('liveSession.lobby.opensAt', { time: formatTimeOfDay(session.joinOpensAt, zone, i18n.language) })}</Alert>;
}
