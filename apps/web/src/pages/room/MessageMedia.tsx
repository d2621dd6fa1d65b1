import type { Attachment, MessageKind } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { clockLength, type RoomWords } from './roomWords.ts';

type MessageMediaProps = { kind: Exclude<MessageKind, 'text'>; attachment: Attachment; words: RoomWords };

/** A voice or video message to play, an image to see, or a file to download — all from Haven itself. */
export function MessageMedia({ kind, attachment, words }: MessageMediaProps) {
  const { t } = useTranslation();
  const kindWord = t(`room.kind.${kind}`);
  const label = attachment.durationMs
    ? t('room.mediaWithLength', { kind: kindWord, length: clockLength(attachment.durationMs) })
    : kindWord;
  if (kind === 'voice') {
    return (
      <figure className="message__media">
        <figcaption className="message__caption">{label}</figcaption>
        <audio className="message__audio" controls preload="metadata" src={attachment.url} aria-label={label} />
      </figure>
    );
  }
  if (kind === 'video') {
    return (
      <figure className="message__media">
        <figcaption className="message__caption">{label}</figcaption>
        <video className="message__video" controls preload="metadata" playsInline src={attachment.url} aria-label={label} />
      </figure>
    );
  }
  const name = attachment.filename ?? kindWord;
  const download = t('room.download', { name, size: words.size(attachment.size) });
  return (
    <div className="message__media">
      {attachment.contentType.startsWith('image/') && (
        <a href={attachment.url} target="_blank" rel="noopener noreferrer" aria-label={t('room.openImage', { name })}>
          <img className="message__image" src={attachment.url} alt={name} loading="lazy" />
        </a>
      )}
      <a className="message__file" href={attachment.url} download={name}>
        {download}
      </a>
    </div>
  );
}
