// Break-glass (PRODUCT §1: never message content without a recorded reason): an operator reads one
// client's room, read-only, for a reason the client will see, for a limited time (60 minutes by
// default); every page read is audited, and a second operator reviews the access afterwards.
import { randomUUID } from 'node:crypto';
import type { BreakGlassGrant, BreakGlassList, BreakGlassRequest, BreakGlassRoom } from '@haven/contract';
import type { Caller } from '../../caller.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';
import { AppError } from '../../platform/http/errors.ts';
import { clientRoomPage } from '../room/oversight.ts';

const MINUTE = 60_000;

const sealedAs = (id: string, field: 'reason' | 'review_note') => ({ table: 'break_glass_grants', row: id, field });

function grantRows(db: Db) {
  return db
    .selectFrom('break_glass_grants as g')
    .innerJoin('users as cu', 'cu.id', 'g.client_user_id')
    .innerJoin('clients as c', 'c.user_id', 'g.client_user_id')
    .innerJoin('users as ou', 'ou.id', 'g.operator_id')
    .leftJoin('users as ru', 'ru.id', 'g.reviewed_by')
    .select([
      'g.id',
      'g.operator_id',
      'g.client_user_id',
      'g.reason_sealed',
      'g.opened_at',
      'g.expires_at',
      'g.ended_at',
      'g.reviewed_at',
      'g.review_note_sealed',
      'c.id as client_id',
      'cu.preferred_name as client_name',
      'ou.preferred_name as operator_name',
      'ru.preferred_name as reviewer_name',
    ]);
}
type GrantRow = Awaited<ReturnType<ReturnType<typeof grantRows>['execute']>>[number];

const isOpen = (row: GrantRow, now: Date) => row.ended_at === null && row.expires_at > now;

async function present(caller: Caller, row: GrantRow): Promise<BreakGlassGrant> {
  const { sealer } = caller.deps;
  const reason = await sealer.open(row.client_id, row.reason_sealed, sealedAs(row.id, 'reason'));
  const note = row.review_note_sealed && (await sealer.open(row.client_id, row.review_note_sealed, sealedAs(row.id, 'review_note')));
  return {
    id: row.id,
    client: { id: row.client_id, name: row.client_name },
    operator: { id: row.operator_id, name: row.operator_name },
    reason,
    openedAt: row.opened_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
    open: isOpen(row, caller.now),
    review: row.reviewed_at && note ? { by: row.reviewer_name ?? '', at: row.reviewed_at.toISOString(), note } : null,
  };
}

/** Grants by id, as the client's "who saw my record" page shows them (it is the client reading). */
export async function grantsById(caller: Caller, ids: string[]): Promise<Map<string, BreakGlassGrant>> {
  if (ids.length === 0) return new Map();
  const rows = await grantRows(caller.db).where('g.id', 'in', ids).execute();
  const grants = await Promise.all(rows.map((row) => present(caller, row)));
  return new Map(grants.map((g) => [g.id, g]));
}

export async function openBreakGlass(caller: Caller, request: BreakGlassRequest): Promise<BreakGlassGrant> {
  const { db, deps, actor, now } = caller;
  const client = await db.selectFrom('clients').select(['id', 'user_id']).where('id', '=', request.clientId).executeTakeFirst();
  if (!client) throw new AppError('not_found', 'There is no such client.');
  const id = randomUUID();
  const reason = await deps.sealer.seal(client.id, request.reason, sealedAs(id, 'reason'));
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('break_glass_grants')
      .values({
        id,
        operator_id: actor.id,
        client_user_id: client.user_id,
        reason_sealed: reason,
        opened_at: now,
        expires_at: new Date(now.getTime() + request.minutes * MINUTE),
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'break_glass.opened',
      subject: { type: 'break_glass', id },
      client: client.user_id,
      detail: { grantId: id, minutes: request.minutes },
    });
    await recordEvent(trx, { type: 'break_glass.opened', payload: { grantId: id, operatorId: actor.id } });
  });
  return present(caller, await grantOf(db, id));
}

async function grantOf(db: Db, id: string): Promise<GrantRow> {
  const row = await grantRows(db).where('g.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'There is no such break-glass access.');
  return row;
}

/** The operator's own open grant, or a clear refusal: another operator's grant does not open for them. */
async function ownOpenGrant(caller: Caller, id: string): Promise<GrantRow> {
  const row = await grantOf(caller.db, id);
  if (row.operator_id !== caller.actor.id) throw new AppError('not_found', 'There is no such break-glass access.');
  if (!isOpen(row, caller.now)) {
    throw new AppError('conflict', 'This access has ended. To read the conversation again, open a new one with its reason.');
  }
  return row;
}

/** A page of the client's room under an open grant: newest first, read-only, attachments listed but never opened. */
export async function breakGlassRoom(caller: Caller, id: string, before?: number): Promise<BreakGlassRoom> {
  const { db, deps, actor } = caller;
  const grant = await ownOpenGrant(caller, id);
  const page = await clientRoomPage(db, deps.sealer, grant.client_user_id, before);
  if (page) {
    await recordAudit(db, {
      actor,
      action: 'break_glass.read',
      subject: { type: 'room', id: page.roomId },
      client: grant.client_user_id,
      detail: { grantId: id, fromSeq: page.messages[0]?.seq ?? null, toSeq: page.messages.at(-1)?.seq ?? null },
    });
  }
  return { grant: await present(caller, grant), messages: page?.messages ?? [], hasEarlier: page?.hasEarlier ?? false };
}

export async function endBreakGlass(caller: Caller, id: string): Promise<BreakGlassGrant> {
  await ownOpenGrant(caller, id);
  await caller.db.transaction().execute(async (trx) => {
    await trx.updateTable('break_glass_grants').set({ ended_at: caller.now }).where('id', '=', id).execute();
    await recordAudit(trx, {
      actor: caller.actor,
      action: 'break_glass.ended',
      subject: { type: 'break_glass', id },
      detail: { grantId: id },
    });
  });
  return present(caller, await grantOf(caller.db, id));
}

/** A second operator — never the one who opened it — records that the access was checked. */
export async function reviewBreakGlass(caller: Caller, id: string, note: string): Promise<BreakGlassGrant> {
  const grant = await grantOf(caller.db, id);
  if (grant.operator_id === caller.actor.id) {
    throw new AppError('forbidden', 'A second operator reviews break-glass access: ask a colleague to review yours.');
  }
  if (grant.reviewed_at) throw new AppError('conflict', 'This access has already been reviewed.');
  const sealed = await caller.deps.sealer.seal(grant.client_id, note, sealedAs(id, 'review_note'));
  await caller.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('break_glass_grants')
      .set({ reviewed_by: caller.actor.id, reviewed_at: caller.now, review_note_sealed: sealed })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor: caller.actor,
      action: 'break_glass.reviewed',
      subject: { type: 'break_glass', id },
      detail: { grantId: id },
    });
  });
  return present(caller, await grantOf(caller.db, id));
}

/** Every grant, those waiting for review first; reading their reasons is recorded per grant. */
export async function listBreakGlass(caller: Caller): Promise<BreakGlassList> {
  const rows = await grantRows(caller.db)
    .orderBy((eb) => eb.case().when('g.reviewed_at', 'is', null).then(0).else(1).end())
    .orderBy('g.opened_at', 'desc')
    .limit(100)
    .execute();
  await recordAudit(
    caller.db,
    rows.map((row) => ({
      actor: caller.actor,
      action: 'break_glass.listed',
      subject: { type: 'break_glass', id: row.id },
      detail: { grantId: row.id },
    })),
  );
  return { grants: await Promise.all(rows.map((row) => present(caller, row))) };
}
