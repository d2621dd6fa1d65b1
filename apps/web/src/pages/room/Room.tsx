import type { Me, Message } from '@haven/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { inboxQueryKey, notificationsQueryKey } from '../../api/room.ts';
import { lastSeq } from '../../room/messageLog.ts';
import { useRoomSocket } from '../../room/useRoomSocket.ts';
import { browserTimeZone } from '../../time/formatting.ts';
import { Spinner } from '../../ui/index.ts';
import { LoadFailed } from '../LoadFailed.tsx';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';
import { ClientAside, ProviderAside, SharedFiles } from './RoomAside.tsx';
import { useRoomWords } from './roomWords.ts';
import './room.css';

/** Files from the first load and any sent since, newest first, each once. */
function sharedFiles(fromView: readonly Message[], messages: readonly Message[]): Message[] {
  const byId = new Map<string, Message>();
  for (const message of [...fromView, ...messages]) if (message.kind === 'file' && message.attachment) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => b.seq - a.seq);
}

/** One conversation, for the client or their provider: messages, composer, and who is on the other side. */
export function Room({ roomId, me }: { roomId: string; me: Me }) {
  const { t } = useTranslation();
  const { room, snapshot } = useRoomSocket(roomId, me.id);
  const [timeZone] = useState(browserTimeZone);
  const words = useRoomWords(timeZone);
  const [starredOnly, setStarredOnly] = useState(false);
  const queryClient = useQueryClient();
  const newest = lastSeq(snapshot.log);

  // A new message changes the provider's reply-by and the bell: both are read again.
  useEffect(() => {
    if (newest === 0) return;
    void queryClient.invalidateQueries({ queryKey: inboxQueryKey });
    void queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
  }, [newest, queryClient]);

  if (snapshot.status === 'failed' && snapshot.failure) {
    return <LoadFailed failure={snapshot.failure} onRetry={() => room.start()} what="room.loadFailed" />;
  }
  const view = snapshot.view;
  if (!view) return <Spinner />;

  const forProvider = view.you === 'provider';
  const otherName = forProvider
    ? view.clientName
    : view.provider
      ? `${view.provider.firstName} ${view.provider.lastName}`
      : t('room.provider.heading');
  return (
    <div className="room">
      <div className="room__header">
        <h1 className="room__title">{forProvider ? t('room.titleProvider', { name: view.clientName }) : t('room.title')}</h1>
        <div className="room__filter" role="group" aria-label={t('room.filter.label')}>
          <button type="button" className="room__filter-option" aria-pressed={!starredOnly} onClick={() => setStarredOnly(false)}>
            {t('room.filter.all')}
          </button>
          <button type="button" className="room__filter-option" aria-pressed={starredOnly} onClick={() => setStarredOnly(true)}>
            {t('room.filter.starred')}
          </button>
        </div>
        <a className="room__about-link" href="#room-aside">
          {t('room.aboutOther', { name: otherName })}
        </a>
      </div>
      <p className="room__connection" role="status">
        {snapshot.connection === 'reconnecting' && t('room.connection.reconnecting')}
        {snapshot.connection === 'closed' && t('room.connection.closed')}
      </p>
      <div className="room__layout">
        <div className="room__conversation">
          <MessageList room={room} snapshot={snapshot} otherName={otherName} starredOnly={starredOnly} timeZone={timeZone} words={words} />
          <p className="room__typing" role="status">
            {snapshot.theyAreTyping && t('room.typing', { name: forProvider ? view.clientName : (view.provider?.firstName ?? otherName) })}
          </p>
          <Composer
            otherName={otherName}
            words={words}
            disabled={snapshot.connection === 'closed'}
            onSendText={(text) => room.sendText(text)}
            onSendUpload={(upload) => room.sendUpload(upload)}
            onTyping={() => room.typing()}
          />
          <p className="room__emergency">
            <Trans i18nKey="layout.footer.crisis" components={{ tel988: <a href="tel:988" />, tel911: <a href="tel:911" /> }} />
          </p>
        </div>
        <aside id="room-aside" className="room__aside" aria-label={t('room.aboutOther', { name: otherName })} tabIndex={-1}>
          {forProvider ? <ProviderAside view={view} words={words} /> : <ClientAside view={view} words={words} />}
          <SharedFiles files={sharedFiles(view.sharedFiles, snapshot.log.messages)} words={words} />
          <p className="room__stored">{t('room.stored')}</p>
        </aside>
      </div>
    </div>
  );
}
