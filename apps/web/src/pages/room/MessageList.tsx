import type { Message } from '@haven/contract';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveRoom, RoomSnapshot } from '../../room/liveRoom.ts';
import { lastReadOfMine } from '../../room/messageLog.ts';
import { useNow } from '../../time/useNow.ts';
import { Alert, Button } from '../../ui/index.ts';
import { MessageItem, PendingItem } from './MessageItem.tsx';
import { dayKey, type RoomWords } from './roomWords.ts';

type MessageListProps = {
  room: LiveRoom;
  snapshot: RoomSnapshot;
  otherName: string;
  starredOnly: boolean;
  timeZone: string;
  words: RoomWords;
};

type Day = { key: string; first: string; messages: Message[] };

function byDay(messages: readonly Message[], timeZone: string): Day[] {
  const days: Day[] = [];
  for (const message of messages) {
    const key = dayKey(message.sentAt, timeZone);
    const last = days.at(-1);
    if (last?.key === key) last.messages.push(message);
    else days.push({ key, first: message.sentAt, messages: [message] });
  }
  return days;
}

/** Near enough to the bottom that a new message should bring the view along. */
const NEAR_BOTTOM_PX = 160;

/**
 * The conversation, grouped by day, oldest at the top: a log that screen readers announce as
 * messages arrive, scrolled to the newest unless the reader has scrolled up to read.
 */
export function MessageList({ room, snapshot, otherName, starredOnly, timeZone, words }: MessageListProps) {
  const { t } = useTranslation();
  const now = useNow();
  const scroller = useRef<HTMLDivElement>(null);
  const start = useRef<HTMLParagraphElement>(null);
  const logElement = useRef<HTMLDivElement>(null);
  const seen = useRef({ first: 0, last: 0, pending: 0, height: 0, atBottom: true });
  const { log } = snapshot;
  const shown = starredOnly ? log.messages.filter((m) => m.starred) : log.messages;
  const readMark = lastReadOfMine(log, room.myUserId);
  const lastMine = log.messages.findLast((m) => m.senderId === room.myUserId);
  const first = log.messages[0]?.seq ?? 0;
  const last = log.messages.at(-1)?.seq ?? 0;

  // Earlier messages keep what was on screen in place; newer ones follow the bottom.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const before = seen.current;
    const grewAtTop = before.first !== 0 && first < before.first;
    const sentByMe = log.pending.length > before.pending;
    const grewAtBottom = last > before.last || sentByMe;
    if (grewAtTop) element.scrollTop += element.scrollHeight - before.height;
    else if (before.last === 0 || sentByMe || (grewAtBottom && before.atBottom)) element.scrollTop = element.scrollHeight;
    seen.current = { first, last, pending: log.pending.length, height: element.scrollHeight, atBottom: before.atBottom };
  }, [first, last, log.pending.length]);

  // Recordings and images take their height when they load: someone at the bottom stays there.
  useEffect(() => {
    const element = scroller.current;
    const content = logElement.current;
    if (!element || !content || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (seen.current.atBottom) element.scrollTop = element.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  function onScroll() {
    const element = scroller.current;
    if (!element) return;
    seen.current.atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
    seen.current.height = element.scrollHeight;
  }

  async function loadEarlier() {
    await room.loadEarlier();
    if (!room.getSnapshot().log.hasEarlier) start.current?.focus();
  }

  return (
    <div
      className="room__scroller"
      ref={scroller}
      onScroll={onScroll}
      tabIndex={0}
      role="region"
      aria-label={t('room.messagesLabel', { name: otherName })}
    >
      {!starredOnly && (
        <div className="room__earlier">
          {log.hasEarlier ? (
            <Button variant="secondary" className="button--small" onClick={() => void loadEarlier()} loading={snapshot.loadingEarlier}>
              {t('room.loadEarlier')}
            </Button>
          ) : (
            log.messages.length > 0 && (
              <p className="room__start" ref={start} tabIndex={-1}>
                {t('room.start')}
              </p>
            )
          )}
          {snapshot.earlierFailure && (
            <Alert tone="error">
              <p>
                {t('room.earlierFailed')} {t(`errors.${snapshot.earlierFailure.code}`)}
              </p>
            </Alert>
          )}
        </div>
      )}
      <div className="room__log" ref={logElement} role="log" aria-live="polite" aria-relevant="additions">
        {byDay(shown, timeZone).map((day) => (
          <section key={day.key} className="room__day" aria-labelledby={`day-${day.key}`}>
            <h2 id={`day-${day.key}`} className="room__day-heading">
              {words.day(day.first, now)}
            </h2>
            <ol className="room__messages">
              {day.messages.map((message) => {
                const mine = message.senderId === room.myUserId;
                const mark = !mine ? null : message.id === readMark?.id ? 'read' : message.id === lastMine?.id ? 'sent' : null;
                return (
                  <MessageItem
                    key={message.id}
                    message={message}
                    mine={mine}
                    mark={mark}
                    words={words}
                    onStar={(starred) => room.setStar(message.id, starred)}
                  />
                );
              })}
            </ol>
          </section>
        ))}
        {!starredOnly && log.pending.length > 0 && (
          <ol className="room__messages">
            {log.pending.map((pending) => (
              <PendingItem
                key={pending.clientMessageId}
                pending={pending}
                onRetry={() => room.retry(pending.clientMessageId)}
                onDiscard={() => room.discard(pending.clientMessageId)}
              />
            ))}
          </ol>
        )}
      </div>
      {shown.length === 0 && log.pending.length === 0 && (
        <p className="room__empty">{starredOnly ? t('room.filter.noneStarred') : t('room.empty')}</p>
      )}
    </div>
  );
}
