// The room as someone outside it reads it under break-glass (modules/audit/break-glass.service.ts):
// the whole conversation, read-only; attachments are listed and never opened. The caller decides
// who may, and records the read.
import type { Message } from '@haven/contract';
import type { Db } from '../../platform/db/database.ts';
import type { Sealer } from '../../platform/crypto/envelope.ts';
import { presentMessages } from './room.presenter.ts';
import * as repo from './room.repository.ts';

const PAGE = 50;

export type OversightPage = { roomId: string; messages: Message[]; hasEarlier: boolean };

export async function clientRoomPage(db: Db, sealer: Sealer, clientUserId: string, before?: number): Promise<OversightPage | null> {
  const room = await repo.clientRoom(db, clientUserId);
  const parties = room && (await repo.roomParties(db, room.room_id));
  if (!parties) return null;
  const rows = await repo.messagePage(db, parties.room_id, null, { before, limit: PAGE });
  const messages = (await presentMessages(sealer, parties, rows, new Set())).map((m) => ({
    ...m,
    attachment: m.attachment && { ...m.attachment, url: '' },
  }));
  const first = rows[0];
  return {
    roomId: parties.room_id,
    messages,
    hasEarlier: first ? await repo.hasEarlier(db, parties.room_id, null, Number(first.seq)) : false,
  };
}
