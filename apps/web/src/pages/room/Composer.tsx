import { MAX_TEXT_LENGTH, MAX_UPLOAD_BYTES } from '@haven/contract';
import { useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Upload } from '../../api/room.ts';
import { Alert, Button } from '../../ui/index.ts';
import { RecorderPanel } from './Recorder.tsx';
import type { RoomWords } from './roomWords.ts';
import { useRecorder, type RecordingKind } from './useRecorder.ts';
import './composer.css';

/** What can be attached: what the server recognises by its first bytes. */
const ATTACHABLE = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
/** The counter shows from this many characters before the limit. */
const COUNT_FROM = 500;

type ComposerProps = {
  otherName: string;
  words: RoomWords;
  disabled: boolean;
  onSendText: (text: string) => void;
  onSendUpload: (upload: Upload) => void;
  onTyping: () => void;
};

/** Writing, recording and attaching: Enter sends, Shift+Enter starts a new line. */
export function Composer({ otherName, words, disabled, onSendText, onSendUpload, onTyping }: ComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const recorder = useRecorder();
  const over = text.length - MAX_TEXT_LENGTH;
  const left = MAX_TEXT_LENGTH - text.length;

  function send() {
    if (disabled || over > 0 || text.trim() === '') return;
    onSendText(text);
    setText('');
    textarea.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  }

  function onChange(event: ChangeEvent<HTMLTextAreaElement>) {
    setText(event.target.value);
    if (event.target.value) onTyping();
  }

  function record(kind: RecordingKind) {
    setFileProblem(null);
    setAnnouncement('');
    void recorder.start(kind);
  }

  /** Back to writing: the recorder's panel is gone, so focus returns to the message box. */
  function backToText(said: string) {
    setAnnouncement(said);
    requestAnimationFrame(() => textarea.current?.focus());
  }

  function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const max = words.size(MAX_UPLOAD_BYTES.file);
    if (!ATTACHABLE.includes(file.type)) return setFileProblem(t('room.attach.wrongType', { name: file.name }));
    if (file.size > MAX_UPLOAD_BYTES.file) return setFileProblem(t('room.attach.tooLarge', { name: file.name, size: max }));
    setFileProblem(null);
    onSendUpload({ kind: 'file', file, filename: file.name });
    textarea.current?.focus();
  }

  const recording = recorder.state.phase !== 'idle';
  return (
    <div className="composer">
      <p className="visually-hidden" role="status">
        {recorder.state.phase === 'recording'
          ? t('room.record.started')
          : recorder.state.phase === 'preview'
            ? t('room.record.stopped')
            : announcement}
      </p>
      {recording ? (
        <RecorderPanel
          state={recorder.state as Exclude<typeof recorder.state, { phase: 'idle' }>}
          onStop={recorder.stop}
          onCancel={() => {
            recorder.cancel();
            backToText(t('room.record.cancelled'));
          }}
          onDiscard={() => {
            recorder.reset();
            backToText(t('room.record.discarded'));
          }}
          onSend={({ kind, blob, durationMs }) => {
            onSendUpload({ kind, file: blob, durationMs });
            recorder.reset();
            backToText(t('room.record.sent'));
          }}
        />
      ) : (
        <>
          <label className="composer__label" htmlFor="composer-text">
            {t('room.composer.label', { name: otherName })}
          </label>
          <p className="composer__hint" id="composer-hint">
            {t('room.composer.hint')}
          </p>
          <textarea
            ref={textarea}
            id="composer-text"
            className="composer__text"
            rows={3}
            value={text}
            onChange={onChange}
            onKeyDown={onKeyDown}
            aria-describedby={['composer-hint', left <= COUNT_FROM ? 'composer-count' : ''].filter(Boolean).join(' ')}
            aria-invalid={over > 0 || undefined}
          />
          {left <= COUNT_FROM && (
            <p id="composer-count" className={over > 0 ? 'composer__count composer__count--over' : 'composer__count'}>
              {over > 0 ? t('room.composer.over', { count: over }) : t('room.composer.left', { count: left })}
            </p>
          )}
        </>
      )}
      {fileProblem && (
        <Alert tone="error">
          <p>{fileProblem}</p>
        </Alert>
      )}
      {!recording && (
        <div className="composer__actions">
          <div className="composer__tools" role="group" aria-label={t('room.composer.tools')}>
            <Button variant="secondary" className="button--small" onClick={() => record('voice')} disabled={disabled}>
              {t('room.record.voice')}
            </Button>
            <Button variant="secondary" className="button--small" onClick={() => record('video')} disabled={disabled}>
              {t('room.record.video')}
            </Button>
            <Button
              variant="secondary"
              className="button--small"
              onClick={() => fileInput.current?.click()}
              disabled={disabled}
              aria-describedby="composer-attach-hint"
            >
              {t('room.attach.button')}
            </Button>
            <input
              ref={fileInput}
              type="file"
              className="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              accept={ATTACHABLE.join(',')}
              onChange={onFileChosen}
            />
          </div>
          <Button className="composer__send" onClick={send} disabled={disabled || over > 0 || text.trim() === ''}>
            {t('room.composer.send')}
          </Button>
          <p className="composer__attach-hint" id="composer-attach-hint">
            {t('room.attach.hint', { size: words.size(MAX_UPLOAD_BYTES.file) })}
          </p>
        </div>
      )}
    </div>
  );
}
