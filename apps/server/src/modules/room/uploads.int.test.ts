import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { Message } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import { insertClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { signIn } from '../../testing/test-app.ts';
import { aRecording, blobFiles, blobPath, sampleRss, streamUpload } from '../../testing/uploads.ts';

const haven = useTestApp({ listen: true });
const MB = 2 ** 20;

async function aClientRoom() {
  const client = await insertClient(haven.db);
  return {
    cookie: await signIn(haven.app, { email: client.email, password: client.password }),
    roomId: client.roomId,
    userId: client.userId,
  };
}

const send = (room: { cookie: string; roomId: string }, kind: string, type: string, body: Iterable<Buffer>, length?: number, extra = {}) =>
  streamUpload(haven.baseUrl, room.cookie, room.roomId, { clientMessageId: randomUUID(), kind, ...extra }, type, body, length);

/** GETs a file over HTTP; `body` rejects when the server cuts the stream off. */
async function fetchMedia(cookie: string, url: string, range?: string) {
  const response = await fetch(new URL(url, haven.baseUrl), { headers: { cookie, ...(range ? { range } : {}) } });
  return { response, body: response.arrayBuffer().then((bytes) => Buffer.from(bytes)) };
}

async function blobKeyOf(messageId: string): Promise<string> {
  const row = await haven.db.selectFrom('messages').select('blob_key').where('id', '=', messageId).executeTakeFirstOrThrow();
  return row.blob_key!;
}

describe('uploads', () => {
  it('stream a 100 MB video into the store without holding it, and read it back byte for byte', async () => {
    const room = await aClientRoom();
    const video = aRecording(100 * MB);
    const memory = sampleRss();
    const sent = await send(room, 'video', 'video/webm', video.pieces(), video.bytes, { durationMs: '60000' });
    const growth = memory.stop();
    expect(sent.status, sent.body).toBe(201);
    const message = JSON.parse(sent.body) as Message;
    expect(message.attachment).toMatchObject({ contentType: 'video/webm', size: video.bytes });
    // Held whole, a body grows the process by at least its size (sealed whole, by twice that: main
    // grew 196 MB). Streamed, it stays well under it: 40-65 MB here, mostly buffers not yet collected.
    expect(growth).toBeLessThan(video.bytes);

    const reading = sampleRss();
    const response = await fetch(new URL(message.attachment!.url, haven.baseUrl), { headers: { cookie: room.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(video.bytes));
    expect(response.headers.get('content-disposition')).toBe('inline');
    const hash = createHash('sha256');
    for await (const part of response.body!) hash.update(part);
    expect(reading.stop()).toBeLessThan(60 * MB);
    expect(hash.digest('hex')).toBe(video.sha256());

    // 64 KiB across a chunk boundary, deep in the file; and the last bytes.
    const start = 70_000_000;
    const part = await fetchMedia(room.cookie, message.attachment!.url, `bytes=${start}-${start + 65_535}`);
    expect(part.response.status).toBe(206);
    expect(part.response.headers.get('content-range')).toBe(`bytes ${start}-${start + 65_535}/${video.bytes}`);
    expect((await part.body).equals(video.slice(start, start + 65_535))).toBe(true);
    const tail = await fetchMedia(room.cookie, message.attachment!.url, 'bytes=-10');
    expect((await tail.body).equals(video.slice(video.bytes - 10, video.bytes - 1))).toBe(true);

    const onDisk = await fs.stat(blobPath(haven.app.config.dataDir, await blobKeyOf(message.id)));
    expect(onDisk.size).toBeGreaterThan(video.bytes);
  }, 120_000);

  it('fail a read rather than give out altered bytes, and read only the chunks a range needs', async () => {
    const room = await aClientRoom();
    const video = aRecording(5 * 64 * 1024 + 1000);
    const sent = await send(room, 'video', 'video/mp4', [Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), ...video.pieces()]);
    expect(sent.status, sent.body).toBe(201);
    const message = JSON.parse(sent.body) as Message;
    const expected = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), ...video.pieces()]);
    const file = blobPath(haven.app.config.dataDir, await blobKeyOf(message.id));
    const sealed = await fs.readFile(file);
    // One byte inside the fourth chunk (31-byte header, then 64 KiB + 16-byte records).
    const at = 31 + 3 * (64 * 1024 + 16) + 500;
    sealed[at] = sealed[at]! ^ 0x01;
    await fs.writeFile(file, sealed);

    const whole = await fetchMedia(room.cookie, message.attachment!.url);
    const outcome = await whole.body.then(
      (bytes) => ({ status: whole.response.status, same: bytes.equals(expected) }),
      () => ({ status: whole.response.status, same: false, cutOff: true }),
    );
    expect(outcome).toMatchObject({ same: false });
    expect(outcome.status === 200 ? 'cutOff' in outcome : outcome.status >= 500).toBe(true);

    const bad = await fetchMedia(room.cookie, message.attachment!.url, `bytes=${3 * 65_536}-${3 * 65_536 + 9}`);
    expect(bad.response.status).toBe(500);
    // The chunks before it are untouched and still read: a range decrypts only what it covers.
    const good = await fetchMedia(room.cookie, message.attachment!.url, 'bytes=65530-65545');
    expect(good.response.status).toBe(206);
    expect((await good.body).equals(expected.subarray(65_530, 65_546))).toBe(true);

    // A file cut short is noticed too: the chunks it still has read, the missing last one fails.
    await fs.writeFile(file, sealed.subarray(0, 31 + 2 * (64 * 1024 + 16)));
    expect((await fetchMedia(room.cookie, message.attachment!.url, 'bytes=65536-65545')).response.status).toBe(206);
    expect((await fetchMedia(room.cookie, message.attachment!.url, 'bytes=-10')).response.status).toBe(500);
  });

  it('serve a PDF as an attachment under its own name, recordings and images in place, never sniffed', async () => {
    const room = await aClientRoom();
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    const name = 'Care plan "März" 2026.pdf';
    const sent = await send(room, 'file', 'application/pdf', [pdf], pdf.length, { filename: name });
    expect(sent.status, sent.body).toBe(201);
    const { response, body } = await fetchMedia(room.cookie, (JSON.parse(sent.body) as Message).attachment!.url);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Care plan _M_rz_ 2026.pdf"; filename*=UTF-8''Care%20plan%20%22M%C3%A4rz%22%202026.pdf`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await body).equals(pdf)).toBe(true);

    const voice = await send(room, 'voice', 'audio/ogg', [Buffer.from('OggS'), Buffer.alloc(2000, 7)]);
    const played = await fetchMedia(room.cookie, (JSON.parse(voice.body) as Message).attachment!.url);
    expect(played.response.headers.get('content-disposition')).toBe('inline');
    expect(played.response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('leave no message and no file behind when the upload is cut off, and a retry is stored once', async () => {
    const room = await aClientRoom();
    const dataDir = haven.app.config.dataDir;
    const before = await blobFiles(dataDir);
    const clientMessageId = randomUUID();
    const url = new URL(`/api/rooms/${room.roomId}/uploads?clientMessageId=${clientMessageId}&kind=video`, haven.baseUrl);
    const request = http.request(url, {
      method: 'POST',
      headers: { cookie: room.cookie, 'content-type': 'video/webm', 'content-length': String(50 * MB) },
    });
    request.on('error', () => undefined);
    const video = aRecording(50 * MB);
    const pieces = video.pieces();
    // Send until the server is visibly writing the upload, then drop the connection.
    for (let i = 0; ; i += 1) {
      const next = pieces.next();
      if (next.done) throw new Error('The whole upload went before the server started writing it.');
      if (!request.write(next.value)) await new Promise((resolve) => request.once('drain', resolve));
      if (i > 16 && (await blobFiles(dataDir)).some((f) => f.endsWith('.partial'))) break;
    }
    request.destroy();
    await expect.poll(() => blobFiles(dataDir), { timeout: 5000 }).toEqual(before);
    const rows = await haven.db.selectFrom('messages').select('id').where('room_id', '=', room.roomId).execute();
    expect(rows).toEqual([]);

    const small = aRecording(300_000);
    const query = { clientMessageId, kind: 'video' };
    const first = await streamUpload(haven.baseUrl, room.cookie, room.roomId, query, 'video/webm', small.pieces(), small.bytes);
    expect(first.status, first.body).toBe(201);
    const retry = await streamUpload(haven.baseUrl, room.cookie, room.roomId, query, 'video/webm', small.pieces());
    expect(retry.status, retry.body).toBe(200);
    expect((JSON.parse(retry.body) as Message).id).toBe((JSON.parse(first.body) as Message).id);
    expect(await blobFiles(dataDir)).toHaveLength(before.length + 1);
    const stored = await haven.db.selectFrom('messages').select('media_format').where('room_id', '=', room.roomId).execute();
    expect(stored).toEqual([{ media_format: 'chunked' }]);
  });

  it('still read media sealed whole before chunked sealing', async () => {
    const room = await aClientRoom();
    const { sealer, blobs } = haven.app.context;
    const client = await haven.db.selectFrom('clients').select('id').where('user_id', '=', room.userId).executeTakeFirstOrThrow();
    const voice = Buffer.concat([Buffer.from('OggS'), Buffer.from('an older voice note '.repeat(100))]);
    const id = randomUUID();
    const key = await blobs.put(
      await sealer.sealBytes(client.id, voice, { table: 'messages', row: id, field: 'media' }),
      'application/octet-stream',
    );
    const { last_seq } = await haven.db
      .updateTable('rooms')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
      .where('id', '=', room.roomId)
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    await haven.db
      .insertInto('messages')
      .values({
        id,
        room_id: room.roomId,
        seq: last_seq,
        sender_id: room.userId,
        sender_role: 'client',
        client_message_id: randomUUID(),
        kind: 'voice',
        blob_key: key,
        media_format: 'whole',
        content_type: 'audio/ogg',
        size_bytes: voice.length,
      })
      .execute();
    const url = `/api/rooms/${room.roomId}/messages/${id}/media`;
    expect((await (await fetchMedia(room.cookie, url)).body).equals(voice)).toBe(true);
    const part = await fetchMedia(room.cookie, url, 'bytes=4-9');
    expect(part.response.status).toBe(206);
    expect((await part.body).toString()).toBe('an old');
  });
});
