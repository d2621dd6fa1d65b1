import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInbox } from '../../api/room.ts';

/** On the provider's home: how many rooms wait for a reply, how many are overdue, and the way in. */
export function InboxSummary() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const rooms = inbox.data?.rooms ?? [];
  const waiting = rooms.filter((room) => room.replyBy !== null).length;
  const overdue = rooms.filter((room) => room.overdue).length;
  return (
    <>
      {inbox.data && (
        <p>
          {waiting === 0 ? t('room.inbox.noneWaiting') : t('room.inbox.waiting', { count: waiting })}
          {overdue > 0 && ` ${t('room.inbox.overdueCount', { count: overdue })}`}
        </p>
      )}
      <Link to="/provider/inbox">{t('room.inbox.open')}</Link>
    </>
  );
}
