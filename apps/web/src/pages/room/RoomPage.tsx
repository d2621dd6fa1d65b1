import type { Me } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../../api/client.ts';
import { useMyRooms } from '../../api/room.ts';
import { RequireAccount } from '../../app/RequireAccount.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { ButtonLink, Card, Spinner } from '../../ui/index.ts';
import { ClientNav } from '../care/ClientNav.tsx';
import { LoadFailed } from '../LoadFailed.tsx';
import { Room } from './Room.tsx';

/** The client's therapy room: `/room`. A client has one, from their first match on. */
export function RoomPage() {
  usePageTitle('room.title');
  return <RequireAccount role="client">{(user) => <ClientRoom user={user} />}</RequireAccount>;
}

function ClientRoom({ user }: { user: Me }) {
  const { t } = useTranslation();
  const rooms = useMyRooms();
  if (rooms.isError) return <LoadFailed failure={rooms.error} onRetry={() => void rooms.refetch()} what="room.loadFailed" />;
  if (!rooms.data) return <Spinner />;
  const roomId = rooms.data.rooms[0]?.roomId;
  return (
    <div className="workspace">
      <ClientNav />
      {roomId ? (
        <Room key={roomId} roomId={roomId} me={user} />
      ) : (
        <>
          <h1>{t('room.title')}</h1>
          <Card>
            <p>{t('room.noRoom.body')}</p>
            <ButtonLink to="/care">{t('room.noRoom.care')}</ButtonLink>
          </Card>
        </>
      )}
    </div>
  );
}

/** A client's room as their provider sees it: `/provider/rooms/:roomId`, inside the provider area. */
export function ProviderRoomPage() {
  usePageTitle('room.pageTitleProvider');
  const { roomId = '' } = useParams();
  const me = useMe();
  if (!me.data) return <Spinner />;
  return <Room key={roomId} roomId={roomId} me={me.data} />;
}
