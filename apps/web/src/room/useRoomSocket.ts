import { useEffect, useState, useSyncExternalStore } from 'react';
import { LiveRoom, type RoomSnapshot } from './liveRoom.ts';

/**
 * Follows a room live: its messages in order and each once (first page, earlier pages and socket
 * frames merged), sends in flight with retry, the other side's typing and read position. The
 * caller keys its component by room, so a new room starts afresh.
 */
export function useRoomSocket(roomId: string, myUserId: string): { room: LiveRoom; snapshot: RoomSnapshot } {
  const [room] = useState(() => new LiveRoom(roomId, myUserId));
  useEffect(() => {
    room.start();
    return () => room.stop();
  }, [room]);
  const snapshot = useSyncExternalStore(room.subscribe, room.getSnapshot);
  return { room, snapshot };
}
