import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInbox } from '../../api/room.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { browserTimeZone } from '../../time/formatting.ts';
import { Badge, Spinner } from '../../ui/index.ts';
import { LoadFailed } from '../LoadFailed.tsx';
import { useRoomWords } from './roomWords.ts';
import './inbox.css';

/** The provider's rooms, the reply due first: `/provider/inbox`. */
export function InboxPage() {
  const { t } = useTranslation();
  usePageTitle('room.inbox.heading');
  const inbox = useInbox();
  const words = useRoomWords(browserTimeZone());

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('room.inbox.heading')}</h1>
        <p className="lead">{t('room.inbox.lead')}</p>
      </div>
      {inbox.isError && (
        <LoadFailed failure={inbox.error} onRetry={() => void inbox.refetch()} what="room.inbox.loadFailed" asPage={false} />
      )}
      {inbox.isPending && <Spinner />}
      {inbox.data?.rooms.length === 0 && <p>{t('room.inbox.empty')}</p>}
      {inbox.data && inbox.data.rooms.length > 0 && (
        <ol className="inbox">
          {inbox.data.rooms.map((entry) => (
            <li key={entry.roomId} className={`inbox__room${entry.overdue ? ' inbox__room--overdue' : ''}`}>
              <div className="inbox__who">
                <Link className="inbox__name" to={`/provider/rooms/${entry.roomId}`}>
                  {entry.clientName}
                </Link>
                {entry.unread > 0 && <Badge tone="info">{t('room.inbox.unread', { count: entry.unread })}</Badge>}
                {entry.overdue && <Badge tone="danger">{t('room.inbox.overdue')}</Badge>}
              </div>
              <p className="inbox__due">
                {entry.replyBy ? t('room.inbox.replyBy', { when: words.due(entry.replyBy) }) : t('room.inbox.nothingWaiting')}
              </p>
              <p className="inbox__last">
                {entry.lastMessageAt ? t('room.inbox.lastMessage', { when: words.when(entry.lastMessageAt) }) : t('room.inbox.noMessages')}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
