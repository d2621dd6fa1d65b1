import type { Notifications, Role } from '@haven/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationsQueryKey, useNotifications, useSetNotificationChoices } from '../api/room.ts';
import { onNotificationCount } from '../live/notificationCount.ts';
import { browserTimeZone } from '../time/formatting.ts';
import { StatusMessage } from '../ui/index.ts';
import './bell.css';

/**
 * The header's bell: how many notifications are unread (read again every 30 seconds, and at once
 * when the live socket says so), a short list linking to the room, and discreet emails.
 */
export function NotificationBell({ role }: { role: Extract<Role, 'client' | 'provider'> }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const notifications = useNotifications();
  const setDiscreet = useSetNotificationChoices();
  const queryClient = useQueryClient();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const unread = notifications.data?.unread ?? 0;

  useEffect(() => onNotificationCount(() => void queryClient.invalidateQueries({ queryKey: notificationsQueryKey })), [queryClient]);

  // Escape or a click elsewhere closes the list; Escape hands focus back to the bell.
  useEffect(() => {
    if (!open) return;
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    }
    function onPointer(event: PointerEvent) {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      timeZone: browserTimeZone(),
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(iso));
  const itemLink = (item: Notifications['items'][number]) => {
    if (item.kind === 'screener')
      return role === 'client' ? '/care#check-in' : item.roomId ? `/provider/rooms/${item.roomId}` : '/admin/safety';
    return item.sessionId ? `/sessions/${item.sessionId}` : role === 'client' ? '/room' : `/provider/rooms/${item.roomId}`;
  };

  function toggleDiscreet(discreet: boolean) {
    setSaid(null);
    setDiscreet.mutate({ discreet }, { onSuccess: () => setSaid(t(discreet ? 'bell.discreetOn' : 'bell.discreetOff')) });
  }

  return (
    <div className="bell" ref={container}>
      <button
        ref={button}
        type="button"
        className="bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t('bell.labelUnread', { count: unread }) : t('bell.label')}
        onClick={() => setOpen((was) => !was)}
      >
        <svg className="bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16a1 1 0 0 0 .9 1.5h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Z" />
          <path d="M9.5 19.5a2.5 2.5 0 0 0 5 0" />
        </svg>
        {unread > 0 && (
          <span className="bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <div id={panelId} className="bell__panel" hidden={!open}>
        <h2 className="bell__heading">{t('bell.heading')}</h2>
        {notifications.isError && <p>{t('bell.loadFailed')}</p>}
        {notifications.data?.items.length === 0 && <p className="bell__empty">{t('bell.empty')}</p>}
        {notifications.data && notifications.data.items.length > 0 && (
          <ul className="bell__items">
            {notifications.data.items.slice(0, 8).map((item) => (
              <li key={item.id} className={item.read ? 'bell__item' : 'bell__item bell__item--unread'}>
                <Link to={itemLink(item)} onClick={() => setOpen(false)}>
                  {item.kind !== 'message' ? item.text : t(role === 'client' ? 'bell.itemClient' : 'bell.itemProvider')}
                </Link>
                <span className="bell__meta">
                  {when(item.at)}
                  {!item.read && `, ${t('bell.unread')}`}
                </span>
              </li>
            ))}
          </ul>
        )}
        {notifications.data && (
          <div className="bell__settings">
            <label className="bell__toggle">
              <input
                type="checkbox"
                checked={notifications.data.discreet}
                onChange={(event) => toggleDiscreet(event.target.checked)}
                aria-describedby={`${panelId}-hint`}
              />
              {t('bell.discreet')}
            </label>
            <p id={`${panelId}-hint`} className="bell__hint">
              {t('bell.discreetHint')}
            </p>
            {setDiscreet.isError && <p className="bell__error">{t(`errors.${setDiscreet.error.code}`)}</p>}
            <StatusMessage message={said} />
          </div>
        )}
      </div>
    </div>
  );
}
