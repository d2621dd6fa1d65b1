import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button } from '../../ui/index.ts';
import { clockLength } from './roomWords.ts';
import { RECORDING_LIMIT_MINUTES, type RecorderState, type RecordingKind } from './useRecorder.ts';

type RecorderPanelProps = {
  state: Exclude<RecorderState, { phase: 'idle' }>;
  onStop: () => void;
  onCancel: () => void;
  onSend: (recording: { kind: RecordingKind; blob: Blob; durationMs: number }) => void;
  onDiscard: () => void;
};

/** Recording (with a running timer and, for video, the camera), then the preview to send or discard. */
export function RecorderPanel({ state, onStop, onCancel, onSend, onDiscard }: RecorderPanelProps) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);

  // The control to use next takes focus: Stop while recording, Send once there is a preview.
  useEffect(() => {
    panel.current?.querySelector<HTMLButtonElement>('[data-first-action]')?.focus();
  }, [state.phase]);

  if (state.phase === 'failed') {
    return (
      <div className="recorder" ref={panel}>
        <Alert tone="error">
          <p>{t(`room.record.${state.reason}`)}</p>
        </Alert>
        <Button variant="secondary" data-first-action onClick={onCancel}>
          {t('room.record.cancel')}
        </Button>
      </div>
    );
  }
  if (state.phase === 'starting') {
    return (
      <div className="recorder" ref={panel}>
        <p>{t('common.loading')}</p>
        <Button variant="quiet" onClick={onCancel}>
          {t('room.record.cancel')}
        </Button>
      </div>
    );
  }
  if (state.phase === 'recording') {
    return (
      <div className="recorder recorder--live" ref={panel}>
        <p className="recorder__title">
          <span className="recorder__dot" aria-hidden="true" />
          {t(state.kind === 'voice' ? 'room.record.recordingVoice' : 'room.record.recordingVideo')}{' '}
          <RecordingTimer startedAt={state.startedAt} />
        </p>
        {state.kind === 'video' && <CameraPreview stream={state.stream} />}
        <p className="recorder__hint">{t('room.record.limit', { minutes: RECORDING_LIMIT_MINUTES[state.kind] })}</p>
        <div className="recorder__actions">
          <Button data-first-action onClick={onStop}>
            {t('room.record.stop')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('room.record.cancel')}
          </Button>
        </div>
      </div>
    );
  }
  const label = t(state.kind === 'voice' ? 'room.record.previewVoice' : 'room.record.previewVideo');
  return (
    <div className="recorder" ref={panel}>
      <p className="recorder__title">
        {label} <span className="recorder__length">({clockLength(state.durationMs)})</span>
      </p>
      {state.kind === 'voice' ? (
        <audio className="recorder__audio" controls src={state.url} aria-label={label} />
      ) : (
        <video className="recorder__video" controls playsInline src={state.url} aria-label={label} />
      )}
      <div className="recorder__actions">
        <Button data-first-action onClick={() => onSend({ kind: state.kind, blob: state.blob, durationMs: state.durationMs })}>
          {t('room.record.send')}
        </Button>
        <Button variant="secondary" onClick={onDiscard}>
          {t('room.record.discard')}
        </Button>
      </div>
    </div>
  );
}

/** "0:42", moving every half second; a timer role, so screen readers do not read every tick. */
function RecordingTimer({ startedAt }: { startedAt: number }) {
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="recorder__timer" role="timer">
      {clockLength(now - startedAt)}
    </span>
  );
}

/** What the camera sees while recording, muted so the microphone does not echo. */
function CameraPreview({ stream }: { stream: MediaStream }) {
  const { t } = useTranslation();
  return (
    <video
      className="recorder__video"
      muted
      autoPlay
      playsInline
      aria-label={t('room.record.cameraPreview')}
      ref={(video) => {
        if (video && video.srcObject !== stream) video.srcObject = stream;
      }}
    />
  );
}
