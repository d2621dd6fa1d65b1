import type { Message } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import type { PendingMessage } from '../../room/messageLog.ts';
import { Button } from '../../ui/index.ts';
import { MessageMedia } from './MessageMedia.tsx';
import { MessageText } from './MessageText.tsx';
import type { RoomWords } from './roomWords.ts';
import './messages.css';

type MessageItemProps = {
  message: Message;
  mine: boolean;
  /** "Read" or "Sent" under my message, when it is the one to carry it. */
  mark: 'read' | 'sent' | null;
  words: RoomWords;
  onStar: (starred: boolean) => void;
};

export function MessageItem({ message, mine, mark, words, onStar }: MessageItemProps) {
  const { t } = useTranslation();
  const time = words.time(message.sentAt);
  const sender = mine ? t('room.you') : message.senderName;
  return (
    <li className={`message ${mine ? 'message--mine' : 'message--theirs'}`} data-seq={message.seq}>
      <div className="message__bubble">
        <p className="message__meta">
          <span className="message__sender">{sender}</span> <time dateTime={message.sentAt}>{time}</time>
          {message.liveSessionId && <span className="message__session"> · {t('room.inLiveChat')}</span>}
          {message.starred && <span className="visually-hidden">, {t('room.starred')}</span>}
        </p>
        {message.kind === 'text' && message.text !== null && <MessageText text={message.text} />}
        {message.kind !== 'text' && message.attachment && (
          <MessageMedia kind={message.kind} attachment={message.attachment} words={words} />
        )}
      </div>
      <div className="message__footer">
        {mark && <span className="message__mark">{t(`room.status.${mark}`)}</span>}
        <button
          type="button"
          className="message__star"
          aria-pressed={message.starred}
          aria-label={t('room.starLabel', { name: sender, time })}
          onClick={() => onStar(!message.starred)}
        >
          <span aria-hidden="true">{message.starred ? '★' : '☆'}</span>
        </button>
      </div>
    </li>
  );
}

type PendingItemProps = { pending: PendingMessage; onRetry: () => void; onDiscard: () => void };

/** A message of mine on its way, or one that failed and can be sent again or discarded. */
export function PendingItem({ pending, onRetry, onDiscard }: PendingItemProps) {
  const { t } = useTranslation();
  const failed = pending.status === 'failed';
  return (
    <li className={`message message--mine message--pending${failed ? ' message--failed' : ''}`}>
      <div className="message__bubble">
        <p className="message__meta">
          <span className="message__sender">{t('room.you')}</span>
        </p>
        {pending.kind === 'text' ? (
          <MessageText text={pending.text ?? ''} />
        ) : (
          <p className="message__text">{pending.filename ?? t(`room.kind.${pending.kind}`)}</p>
        )}
      </div>
      <div className="message__footer">
        {failed ? (
          <>
            <span className="message__mark message__mark--failed">
              {t('room.status.failed')} {pending.failure && t(`errors.${pending.failure}`)}
            </span>
            <Button variant="secondary" className="button--small" onClick={onRetry}>
              {t('room.retry')}
            </Button>
            <Button variant="quiet" className="button--small" onClick={onDiscard}>
              {t('room.discard')}
            </Button>
          </>
        ) : (
          <span className="message__mark">{t('room.status.sending')}</span>
        )}
      </div>
    </li>
  );
}
