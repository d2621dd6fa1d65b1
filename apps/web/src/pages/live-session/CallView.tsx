import type { LiveModality, LiveSession, Me } from '@haven/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionListQueryKey, sessionQueryKey, useChangeModality, useEndSession } from '../../api/sessions.ts';
import { listDevices, openLocalMedia, type DeviceChoice } from '../../live-session/localMedia.ts';
import { SessionCall, type CallState, type CallStats } from '../../live-session/sessionCall.ts';
import { Alert, Button, ConfirmButton } from '../../ui/index.ts';
import { Room } from '../room/Room.tsx';
import { DeviceChoices, type DeviceLists } from './DeviceChoices.tsx';
import { counterpartName, type Joined } from './joined.ts';

const STATS_EVERY_MS = 2_000;

/** The session itself: the other person, yourself, the controls and how the connection is doing. */
export function CallView({ joined, session, me, onLeave }: { joined: Joined; session: LiveSession; me: Me; onLeave: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const role = joined.join.role;
  const [state, setState] = useState<CallState>('joining');
  const [problem, setProblem] = useState<string | null>(null);
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const [stats, setStats] = useState<CallStats | null>(null);
  const [remote, setRemote] = useState<MediaStream | null>(null);
  const [local, setLocal] = useState<MediaStream | null>(joined.stream);
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const localVideo = useRef<HTMLVideoElement>(null);
  const [devices, setDevices] = useState(joined.devices);
  const [lists, setLists] = useState<DeviceLists>({ cameras: [], microphones: [] });
  const changeModality = useChangeModality();
  const end = useEndSession();
  const modality = session.currentModality;
  const [call] = useState(
    () =>
      new SessionCall({
        sessionId: session.id,
        role,
        iceServers: joined.join.iceServers,
        modality,
        onState: setState,
        onRemoteStream: setRemote,
        onProblem: setProblem,
        onSessionChanged: (changed) => {
          queryClient.setQueryData(sessionQueryKey(changed.id), changed);
          void queryClient.invalidateQueries({ queryKey: sessionListQueryKey });
        },
      }),
  );

  useEffect(() => {
    call.start(joined.stream);
    return () => call.stop();
  }, [call, joined.stream]);

  // Back up to video (or from chat to a call): the camera and microphone are opened again.
  useEffect(() => {
    call.applyModality(modality);
    const needsVideo = modality === 'video' && !local?.getVideoTracks().some((track) => track.readyState === 'live');
    const needsAudio = modality !== 'chat' && !local?.getAudioTracks().some((track) => track.readyState === 'live');
    if (!needsVideo && !needsAudio) return;
    let cancelled = false;
    void openLocalMedia(modality, devices).then(({ stream }) => {
      if (cancelled) return;
      call.replaceLocal(stream);
      setLocal(stream);
    });
    return () => {
      cancelled = true;
    };
    // `local` and `devices` are read, not followed: a new stream must not open the camera again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [call, modality]);

  useEffect(() => {
    void listDevices().then(setLists);
  }, []);

  /** Another camera or microphone, mid-session: the other person gets it without a new connection. */
  function chooseDevices(choice: DeviceChoice) {
    setDevices(choice);
    void openLocalMedia(modality, choice).then(({ stream }) => {
      call.replaceLocal(stream);
      setLocal(stream);
    });
  }

  useEffect(() => {
    if (remoteVideo.current) remoteVideo.current.srcObject = remote;
  }, [remote]);
  useEffect(() => {
    if (localVideo.current) localVideo.current.srcObject = local;
  }, [local]);

  useEffect(() => {
    const timer = setInterval(() => void call.stats().then(setStats), STATS_EVERY_MS);
    return () => clearInterval(timer);
  }, [call]);

  const name = counterpartName(session, role);
  const switchTo = (to: LiveModality) =>
    changeModality.mutate({ sessionId: session.id, modality: to }, { onError: (error) => setProblem(error.message) });

  return (
    <section className="call" aria-labelledby="call-heading">
      <h1 id="call-heading">{t(`liveSession.heading.${modality}`, { name })}</h1>
      <p className={`call__state call__state--${state}`} role="status">
        {t(`liveSession.state.${state}`, { name })}
      </p>
      {problem && <Alert tone="error">{problem}</Alert>}

      {modality === 'chat' ? (
        <div className="call__chat">
          <p className="live-session__hint">{t('liveSession.chatHint')}</p>
          <Room roomId={session.roomId} me={me} />
        </div>
      ) : (
        <div className={`call__stage call__stage--${modality}`}>
          <video
            ref={remoteVideo}
            className="call__remote"
            autoPlay
            playsInline
            aria-label={t('liveSession.remoteVideo', { name })}
            hidden={modality !== 'video'}
          />
          {modality === 'audio' && <div className="call__audio-only">{t('liveSession.audioOnly', { name })}</div>}
          {modality === 'audio' && <audio ref={(el) => void (el && (el.srcObject = remote))} autoPlay />}
          {modality === 'video' && (
            <video ref={localVideo} className="call__local" autoPlay playsInline muted aria-label={t('liveSession.yourVideo')} />
          )}
        </div>
      )}

      <div className="call__controls" role="group" aria-label={t('liveSession.controls')}>
        {modality !== 'chat' && (
          <Button
            variant="secondary"
            aria-pressed={muted}
            onClick={() => {
              call.setMuted(!muted);
              setMuted(!muted);
            }}
          >
            {t(muted ? 'liveSession.unmute' : 'liveSession.mute')}
          </Button>
        )}
        {modality === 'video' && (
          <Button
            variant="secondary"
            aria-pressed={cameraOff}
            onClick={() => {
              call.setCameraOff(!cameraOff);
              setCameraOff(!cameraOff);
            }}
          >
            {t(cameraOff ? 'liveSession.cameraOn' : 'liveSession.cameraOff')}
          </Button>
        )}
        {modality !== 'video' && (
          <Button variant="secondary" onClick={() => switchTo(modality === 'chat' ? 'audio' : 'video')} loading={changeModality.isPending}>
            {t(modality === 'chat' ? 'liveSession.toAudio' : 'liveSession.toVideo')}
          </Button>
        )}
        {modality === 'video' && (
          <Button variant="secondary" onClick={() => switchTo('audio')} loading={changeModality.isPending}>
            {t('liveSession.toAudio')}
          </Button>
        )}
        {modality !== 'chat' && (
          <Button variant="secondary" onClick={() => switchTo('chat')} loading={changeModality.isPending}>
            {t('liveSession.toChat')}
          </Button>
        )}
        <ConfirmButton
          label={t('liveSession.end')}
          question={t('liveSession.endQuestion')}
          confirmLabel={t('liveSession.endConfirm')}
          cancelLabel={t('liveSession.endCancel')}
          pending={end.isPending}
          onConfirm={() => end.mutate({ sessionId: session.id }, { onError: (error) => setProblem(error.message) })}
        />
        <Button variant="quiet" onClick={onLeave}>
          {t('liveSession.leave')}
        </Button>
      </div>

      {modality !== 'chat' && (
        <details className="call__details">
          <summary>{t('liveSession.devices')}</summary>
          <DeviceChoices modality={modality} lists={lists} value={devices} onChange={chooseDevices} />
        </details>
      )}
      {modality !== 'chat' && stats && <ConnectionDetails stats={stats} />}
    </section>
  );
}

/** What is actually arriving from the other side, read from the connection itself. */
function ConnectionDetails({ stats }: { stats: CallStats }) {
  const { t } = useTranslation();
  return (
    <details className="call__details">
      <summary>{t('liveSession.details.title')}</summary>
      <dl>
        <dt>{t('liveSession.details.video')}</dt>
        <dd data-stat="video-frames" data-value={stats.videoFramesDecoded}>
          {stats.videoWidth && stats.videoHeight
            ? t('liveSession.details.videoValue', { frames: stats.videoFramesDecoded, width: stats.videoWidth, height: stats.videoHeight })
            : t('liveSession.details.none')}
        </dd>
        <dt>{t('liveSession.details.audio')}</dt>
        <dd data-stat="audio-packets" data-value={stats.audioPacketsReceived}>
          {t('liveSession.details.audioValue', { packets: stats.audioPacketsReceived })}
        </dd>
        <dt>{t('liveSession.details.roundTrip')}</dt>
        <dd>{stats.roundTripMs === null ? t('liveSession.details.none') : t('liveSession.details.ms', { ms: stats.roundTripMs })}</dd>
      </dl>
    </details>
  );
}
