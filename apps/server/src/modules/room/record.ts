// The whole conversation of a client's room, for the client's own export (modules/export): every
// message in order, texts opened; attachments are described (type, size, name, where to fetch
// them), never copied in. The caller decides who may, and records the read.
import type { Message } from '@haven/contract';
import type { Sealer } from '../../platform/crypto/envelope.ts';
import type { Db } from '../../platform/db/database.ts';
import { presentMessages } from './room.presenter.ts';
import * as repo from './room.repository.ts';

const PAGE = 500;

export async function clientConversation(db: Db, sealer: Sealer, clientUserId: string): Promise<Message[]> {
  const room = await repo.clientRoom(db, clientUserId);
  const parties = room && (await repo.roomParties(db, room.room_id));
  if (!parties) return [];
  const messages: Message[] = [];
  for (let after = 0; ;) {
    const rows = await repo.messagePage(db, parties.room_id, null, { after, limit: PAGE });
    messages.push(...(await presentMessages(sealer, parties, rows, new Set())));
    if (rows.length < PAGE) return messages;
    after = Number(rows[rows.length - 1]!.seq);
  }
}
