// Rows of the room module as the contract's objects: a message's body is opened here, under the
// client's data key, and nothing else of the row leaves.
import type { Inbox, Message, MyRooms } from '@haven/contract';
import type { Sealer } from '../../platform/crypto/envelope.ts';
import type * as repo from './room.repository.ts';

type InboxRoomRow = Awaited<ReturnType<typeof repo.providerRooms>>[number];
type ClientRoomRow = NonNullable<Awaited<ReturnType<typeof repo.clientRoom>>>;
type Names = { client: string; provider: string };

/** Messages as one viewer sees them: `starred` holds the ids they starred. */
export function presentMessages(
  sealer: Sealer,
  parties: repo.RoomParties,
  rows: repo.MessageRow[],
  starred: ReadonlySet<string>,
): Promise<Message[]> {
  const names = {
    client: parties.client_name,
    provider: `${parties.provider_first_name ?? ''} ${parties.provider_last_name ?? ''}`.trim(),
  };
  return Promise.all(rows.map(async (row) => presentMessage(sealer, parties, row, starred.has(row.id), names)));
}

async function presentMessage(
  sealer: Sealer,
  parties: repo.RoomParties,
  row: repo.MessageRow,
  starred: boolean,
  names: Names,
): Promise<Message> {
  const body = row.body_sealed
    ? await sealer.open(parties.client_id, row.body_sealed, { table: 'messages', row: row.id, field: 'body' })
    : null;
  return {
    id: row.id,
    roomId: row.room_id,
    seq: Number(row.seq),
    senderId: row.sender_id,
    senderRole: row.sender_role,
    senderName: row.sender_role === 'client' ? names.client : names.provider || 'Your provider',
    clientMessageId: row.client_message_id,
    kind: row.kind,
    text: row.kind === 'text' ? body : null,
    attachment: row.blob_key
      ? {
          url: `/api/rooms/${row.room_id}/messages/${row.id}/media`,
          contentType: row.content_type ?? 'application/octet-stream',
          size: row.size_bytes ?? 0,
          durationMs: row.duration_ms,
          filename: row.kind === 'file' ? body : null,
        }
      : null,
    sentAt: row.sent_at.toISOString(),
    liveSessionId: row.live_session_id,
    starred,
  };
}

/** One room of a provider's inbox; `due` is its reply-by, when the client is waiting. */
export function presentInboxRoom(row: InboxRoomRow, due: Date | null, now: Date): Inbox['rooms'][number] {
  return {
    roomId: row.room_id,
    clientName: row.client_name,
    lastMessageAt: row.last_message_at ? new Date(row.last_message_at).toISOString() : null,
    unread: Number(row.unread ?? 0),
    replyBy: due?.toISOString() ?? null,
    overdue: due !== null && due < now,
  };
}

export function presentClientRoom(row: ClientRoomRow): MyRooms['rooms'][number] {
  return { roomId: row.room_id, otherName: 'Your provider', unread: Number(row.unread ?? 0) };
}
