import { randomUUID } from 'node:crypto';
import type { Message } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import { insertClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { signIn } from '../../testing/test-app.ts';
import { aRecording, blobFiles, streamUpload } from '../../testing/uploads.ts';

// A room may hold 1 MiB of recordings and files here.
const QUOTA = 2 ** 20;
const haven = useTestApp({ listen: true, env: { HAVEN_UPLOAD_QUOTA_BYTES: String(QUOTA) } });

async function aClientRoom() {
  const client = await insertClient(haven.db);
  return { cookie: await signIn(haven.app, { email: client.email, password: client.password }), roomId: client.roomId };
}

/** A voice message of `bytes`, sent in 64 KiB pieces with a pause before each, so two can overlap. */
async function* slowly(bytes: number, pauseMs: number) {
  for (const piece of aRecording(bytes).pieces()) {
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    yield piece;
  }
}

const voice = (
  room: { cookie: string; roomId: string },
  body: AsyncIterable<Buffer> | Iterable<Buffer>,
  length?: number,
  id = randomUUID(),
) => streamUpload(haven.baseUrl, room.cookie, room.roomId, { clientMessageId: id, kind: 'voice' }, 'audio/webm', body, length);

const storedIn = (roomId: string) =>
  haven.db.selectFrom('messages').select(['id', 'size_bytes']).where('room_id', '=', roomId).where('blob_key', 'is not', null).execute();

describe('the upload quota', () => {
  it('refuses what would go over, before the body when its size is declared and as it streams when not, storing nothing', async () => {
    const room = await aClientRoom();
    const before = await blobFiles(haven.app.config.dataDir);
    const big = aRecording(QUOTA + 1);
    const declared = await voice(room, big.pieces(), big.bytes);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.message).toMatch(/^This room has used 0 MB of its 1 MB of space for recordings and files/);
    const undeclared = await voice(room, big.pieces());
    expect(undeclared.status).toBe(413);
    expect(await storedIn(room.roomId)).toEqual([]);
    expect(await blobFiles(haven.app.config.dataDir)).toEqual(before);

    const fits = aRecording(600_000);
    const id = randomUUID();
    expect((await voice(room, fits.pieces(), fits.bytes, id)).status).toBe(201);
    const over = await voice(room, fits.pieces(), fits.bytes);
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body).error.message).toContain('Send a shorter recording or a smaller file');
    // A retry of what is already stored is the first send, not more space.
    const retry = await voice(room, fits.pieces(), fits.bytes, id);
    expect(retry.status, retry.body).toBe(200);
    expect((await storedIn(room.roomId)).map((m) => m.size_bytes)).toEqual([600_000]);
  });

  it('lets only one of two parallel uploads that each fit, but not together, in', async () => {
    const room = await aClientRoom();
    const before = await blobFiles(haven.app.config.dataDir);
    // Chunked (no Content-Length), so both are admitted and both stream at once.
    const answers = await Promise.all([voice(room, slowly(600_000, 5)), voice(room, slowly(600_000, 5))]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 413]);
    const stored = await storedIn(room.roomId);
    expect(stored.map((m) => m.id)).toEqual([(JSON.parse(answers.find((a) => a.status === 201)!.body) as Message).id]);
    expect(await blobFiles(haven.app.config.dataDir)).toHaveLength(before.length + 1);
  });
});
