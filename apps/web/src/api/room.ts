import {
  Inbox,
  Message,
  MessagePage,
  MyRooms,
  Notifications,
  RoomView,
  type MessageKind,
  type NotificationSettings,
} from '@haven/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestEmpty, requestJson, type ApiFailure } from './client.ts';

export const myRoomsQueryKey = ['rooms'] as const;
export const inboxQueryKey = ['provider', 'inbox'] as const;
export const notificationsQueryKey = ['notifications'] as const;

const roomPath = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}`;
const retryWhenUnreachable = (failures: number, error: ApiFailure) => error.code === 'unavailable' && failures < 2;

// ── Plain requests, used by the live room (which keeps its own state) ─────────────────────

/** The newest page of a room, read positions, the provider's profile and shared files. */
export const fetchRoomView = (roomId: string) => requestJson(roomPath(roomId), RoomView);

/** Messages before a sequence (an earlier page). */
export function fetchEarlier(roomId: string, before: number, limit = 50) {
  const query = new URLSearchParams({ before: String(before), limit: String(limit) });
  return requestJson(`${roomPath(roomId)}/messages?${query}`, MessagePage);
}

/** Sends a text; the same clientMessageId sent again answers with the first message. */
export const postText = (roomId: string, clientMessageId: string, text: string) =>
  requestJson(`${roomPath(roomId)}/messages`, Message, { method: 'POST', body: { clientMessageId, text } });

export type Upload = {
  kind: Exclude<MessageKind, 'text'>;
  file: Blob;
  durationMs?: number | null;
  filename?: string | null;
};

/** Sends a recording or a file as the request body, with its real content type. */
export function postUpload(roomId: string, clientMessageId: string, upload: Upload) {
  const query = new URLSearchParams({ clientMessageId, kind: upload.kind });
  if (upload.durationMs != null) query.set('durationMs', String(Math.round(upload.durationMs)));
  if (upload.filename) query.set('filename', upload.filename.slice(0, 200));
  // A recorder's type carries codec parameters ("audio/webm;codecs=opus"); the media type is enough.
  const type = (upload.file.type.split(';')[0] ?? '').trim() || 'application/octet-stream';
  const file = upload.file.type === type ? upload.file : new Blob([upload.file], { type });
  return requestJson(`${roomPath(roomId)}/uploads?${query}`, Message, { method: 'POST', file });
}

export const postRead = (roomId: string, seq: number) => requestEmpty(`${roomPath(roomId)}/read`, { method: 'POST', body: { seq } });

export const postStar = (roomId: string, messageId: string, starred: boolean) =>
  requestEmpty(`${roomPath(roomId)}/messages/${encodeURIComponent(messageId)}/star`, { method: 'POST', body: { starred } });

// ── Queries ───────────────────────────────────────────────────────────────────────────────

/** The signed-in person's rooms: a client's one room once matched; a provider's, one per client. */
export function useMyRooms() {
  return useQuery<MyRooms, ApiFailure>({
    queryKey: myRoomsQueryKey,
    queryFn: () => requestJson('/api/rooms', MyRooms),
    retry: retryWhenUnreachable,
  });
}

/** A provider's rooms, the reply due first at the top; read again every 30 seconds. */
export function useInbox() {
  return useQuery<Inbox, ApiFailure>({
    queryKey: inboxQueryKey,
    queryFn: () => requestJson('/api/provider/inbox', Inbox),
    refetchInterval: 30_000,
    retry: retryWhenUnreachable,
  });
}

/** The bell: unread notifications and whether emails are discreet; read again every 30 seconds. */
export function useNotifications() {
  return useQuery<Notifications, ApiFailure>({
    queryKey: notificationsQueryKey,
    queryFn: () => requestJson('/api/notifications', Notifications),
    refetchInterval: 30_000,
    retry: retryWhenUnreachable,
  });
}

/** Which emails to send, and discreet mode (emails that never carry a name or any content). */
export function useSetNotificationChoices() {
  const queryClient = useQueryClient();
  return useMutation<Notifications, ApiFailure, NotificationSettings>({
    mutationFn: (choices) => requestJson('/api/notifications/settings', Notifications, { method: 'PUT', body: choices }),
    onSuccess: (notifications) => queryClient.setQueryData(notificationsQueryKey, notifications),
  });
}
