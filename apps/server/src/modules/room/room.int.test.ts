import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CareState, Message, ResponseTimes, RoomView, ServerFrame, UsStateCode } from '@haven/contract';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { smtpSender } from '../../platform/mail/smtp-sender.ts';
import { drainEvents } from '../../testing/events.ts';
import { aMatchedClient, aSignedUpClient } from '../../testing/clients.ts';
import { useTestApp } from '../../testing/harness.ts';
import { connectLive } from '../../testing/live-socket.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';
import { signInAsNewAdmin } from '../../testing/test-app.ts';

// Pinged every second, so a silent tab is dropped within the test; the tabs here answer, as browsers do.
const haven = useTestApp({ listen: true, env: { HAVEN_LIVE_PING_SECONDS: '1' } });

/** A client matched to a fresh provider in `state`, both signed in, and their room. */
async function pair(state: UsStateCode) {
  const provider = await insertProvider(haven.db, { states: [state] });
  const { cookie: client, roomId } = await aMatchedClient(haven, { state }, { expectProvider: provider.id });
  return { client, provider: await signInAsProvider(haven.app, provider.id), providerId: provider.id, roomId };
}

const say = (cookie: string, roomId: string, text: string, clientMessageId = randomUUID()) =>
  haven.as(cookie).post(`/api/rooms/${roomId}/messages`, { clientMessageId, text });

const connect = (cookie: string, origin = haven.baseUrl, answerPings = true) => connectLive(haven.baseUrl, cookie, { origin, answerPings });
const closed = (socket: WebSocket) => new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
const seqs = (frames: ServerFrame[]) => frames.flatMap((f) => (f.type === 'message' ? [f.message.seq] : []));

describe('messages', () => {
  it('are ordered, idempotent by the sender’s id, and never stored in clear', async () => {
    const { client, provider, roomId } = await pair('TX');
    const id = randomUUID();
    const first = await say(client, roomId, 'I have been sleeping badly since the move.', id);
    expect(first.statusCode).toBe(201);
    const retry = await say(client, roomId, 'I have been sleeping badly since the move.', id);
    expect(retry.statusCode).toBe(200);
    expect(retry.json<Message>().id).toBe(first.json<Message>().id);
    expect((await say(client, roomId, 'something else', id)).statusCode).toBe(409);
    const reply = await say(provider, roomId, 'Thank you for telling me. **What** changed?');
    expect(reply.json<Message>()).toMatchObject({ seq: 2, senderRole: 'provider' });

    const view = (await haven.as(client).get(`/api/rooms/${roomId}`)).json<RoomView>();
    expect(view.messages.map((m) => [m.seq, m.text])).toEqual([
      [1, 'I have been sleeping badly since the move.'],
      [2, 'Thank you for telling me. **What** changed?'],
    ]);
    const stored = await haven.db.selectFrom('messages').select('body_sealed').where('room_id', '=', roomId).execute();
    for (const row of stored) {
      expect(row.body_sealed).toMatch(/^hv1\./);
      expect(row.body_sealed).not.toMatch(/sleeping|changed/);
    }
  });

  it('refuses empty, oversized, and other people’s rooms (audited)', async () => {
    const { client, roomId } = await pair('OH');
    const stranger = await pair('OH');
    expect((await say(client, roomId, '   ')).statusCode).toBe(400);
    expect((await say(client, roomId, 'x'.repeat(10_001))).statusCode).toBe(400);
    expect([400, 413]).toContain((await say(client, roomId, 'x'.repeat(1_100_000))).statusCode);
    expect((await say(stranger.client, roomId, 'hello')).statusCode).toBe(403);
    expect((await haven.as(stranger.provider).get(`/api/rooms/${roomId}`)).statusCode).toBe(403);
    const denied = await haven.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', roomId)
      .where('action', '=', 'room.access_denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(2);
  });

  it('takes voice notes and files checked by content, sealed at rest, streamed back with ranges', async () => {
    const { client, provider, roomId } = await pair('GA');
    const voice = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('opus voice note body '.repeat(50))]);
    const upload = (query: string, type: string, body: Buffer) =>
      haven.as(client).post(`/api/rooms/${roomId}/uploads?${query}`, body, { 'content-type': type });
    const sent = await upload(`clientMessageId=${randomUUID()}&kind=voice&durationMs=4200`, 'audio/webm;codecs=opus', voice);
    expect(sent.statusCode, sent.body).toBe(201);
    const message = sent.json<Message>();
    expect(message.attachment).toMatchObject({ contentType: 'audio/webm', size: voice.length, durationMs: 4200 });

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect((await upload(`clientMessageId=${randomUUID()}&kind=video`, 'video/webm', png)).json().error.code).toBe('invalid_media');
    expect(
      (await upload(`clientMessageId=${randomUUID()}&kind=file&filename=notes.txt`, 'application/octet-stream', Buffer.from('plain text')))
        .statusCode,
    ).toBe(422);
    expect((await upload(`clientMessageId=${randomUUID()}&kind=file&filename=scan.png`, 'image/png', png)).statusCode).toBe(201);

    const whole = await haven.as(provider).get(message.attachment!.url);
    expect(whole.statusCode).toBe(200);
    expect(Buffer.compare(whole.rawPayload, voice)).toBe(0);
    const part = await haven.as(provider).get(message.attachment!.url, { range: 'bytes=4-7' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 4-7/${voice.length}`);
    expect(part.rawPayload.toString()).toBe('opus');

    const row = await haven.db.selectFrom('messages').select('blob_key').where('id', '=', message.id).executeTakeFirstOrThrow();
    const onDisk = await fs.readFile(path.join(haven.app.config.dataDir, 'blobs', row.blob_key!.slice(0, 2), row.blob_key!));
    expect(onDisk.includes(Buffer.from('opus voice note'))).toBe(false);
  });

  it('ends a provider’s access the moment the client switches, unless history is shared', async () => {
    const { client, provider, roomId } = await pair('WI');
    await say(client, roomId, 'before the switch');
    const other = await insertProvider(haven.db, { states: ['WI'] });
    const care = (await haven.as(client).get('/api/care')).json<CareState>();
    const switched = await haven.as(client).post('/api/care/switch', {
      fromAssignmentId: care.current!.assignmentId,
      mayReadEarlierConversation: false,
    });
    expect(switched.json<CareState>().current?.provider.id).toBe(other.id);
    expect((await haven.as(provider).get(`/api/rooms/${roomId}`)).statusCode).toBe(403);

    const newProvider = await signInAsProvider(haven.app, other.id);
    expect((await haven.as(newProvider).get(`/api/rooms/${roomId}`)).json<RoomView>().messages).toEqual([]);
    const after = (await haven.as(client).get('/api/care')).json<CareState>();
    await haven.as(client).put('/api/care/history-access', { assignmentId: after.current!.assignmentId, mayReadEarlierConversation: true });
    expect((await haven.as(newProvider).get(`/api/rooms/${roomId}`)).json<RoomView>().messages.map((m) => m.text)).toEqual([
      'before the switch',
    ]);
  });
});

describe('the live socket', () => {
  it('pushes new messages, read receipts and typing to the other side', async () => {
    const { client, provider, roomId } = await pair('MI');
    const providerLive = await connect(provider);
    providerLive.socket.send(JSON.stringify({ type: 'subscribe', roomId, afterSeq: 0 }));
    await providerLive.next((f) => f.type === 'subscribed');
    const clientLive = await connect(client);
    clientLive.socket.send(JSON.stringify({ type: 'subscribe', roomId, afterSeq: 0 }));
    await clientLive.next((f) => f.type === 'subscribed');

    await say(client, roomId, 'Are you there?');
    const arrived = await providerLive.next((f) => f.type === 'message');
    expect(arrived.type === 'message' && arrived.message.text).toBe('Are you there?');
    clientLive.socket.send(JSON.stringify({ type: 'typing', roomId }));
    expect(await providerLive.next((f) => f.type === 'typing')).toMatchObject({ roomId });
    providerLive.socket.send(JSON.stringify({ type: 'read', roomId, seq: 1 }));
    expect(await clientLive.next((f) => f.type === 'read')).toMatchObject({ roomId, seq: 1 });
    providerLive.socket.close();
    clientLive.socket.close();
  });

  it('resumes after a dropped connection with no gap and no duplicate', async () => {
    const { client, provider, roomId } = await pair('MN');
    for (const n of [1, 2, 3]) await say(provider, roomId, `message ${n}`);
    const first = await connect(client);
    first.socket.send(JSON.stringify({ type: 'subscribe', roomId, afterSeq: 1 }));
    await first.next((f) => f.type === 'subscribed');
    expect(seqs(first.frames)).toEqual([2, 3]);
    await say(provider, roomId, 'message 4');
    await first.next((f) => f.type === 'message' && f.message.seq === 4);
    first.socket.terminate(); // the connection drops mid-conversation

    const sentWhileAway = [5, 6, 7];
    const sending = (async () => {
      for (const n of sentWhileAway) await say(provider, roomId, `message ${n}`);
    })();
    const second = await connect(client);
    second.socket.send(JSON.stringify({ type: 'subscribe', roomId, afterSeq: Math.max(...seqs(first.frames)) }));
    await sending;
    await say(provider, roomId, 'message 8');
    await second.next((f) => f.type === 'message' && f.message.seq === 8);
    const all = [...seqs(first.frames), ...seqs(second.frames)];
    expect(all).toEqual([2, 3, 4, 5, 6, 7, 8]);
    second.socket.close();
  });

  it('refuses other origins and the signed-out before upgrading, and closes on garbage or huge frames', async () => {
    const { client } = await pair('IN');
    const refused = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${haven.baseUrl.replace('http', 'ws')}/api/live`, { headers });
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('open', () => resolve(101));
      });
    expect(await refused({ cookie: client, origin: 'https://evil.example' })).toBe(403);
    expect(await refused({ origin: haven.baseUrl })).toBe(401);

    const garbage = await connect(client);
    garbage.socket.send('{not json');
    expect(await closed(garbage.socket)).toBe(1008);
    // JSON that is no frame is refused with a reason, and the socket (every room on it) stays.
    const odd = await connect(client);
    odd.send({ type: 'subscribe', roomId: 'not-a-uuid', afterSeq: 0 });
    expect(await odd.next((f) => f.type === 'error')).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/roomId/),
    });
    odd.send({ type: 'subscribe', roomId: randomUUID(), afterSeq: 0, extra: true });
    expect(await odd.next((f) => f.type === 'error')).toMatchObject({ code: 'validation_failed' });
    odd.send({ type: 'ping' });
    expect(await odd.next((f) => f.type === 'pong')).toEqual({ type: 'pong' });
    odd.socket.close();
    const huge = await connect(client);
    huge.socket.send('x'.repeat(10 * 2 ** 20));
    expect(await closed(huge.socket)).toBe(1009);
    // The server is unaffected.
    expect((await haven.signedOut.get('/api/health')).statusCode).toBe(200);
  });

  it('closes within seconds once its sign-in session has expired, found by the re-check on its pings', async () => {
    const provider = await insertProvider(haven.db, { states: ['NM'] });
    const { cookie, userId, roomId } = await aMatchedClient(haven, { state: 'NM' }, { expectProvider: provider.id });
    const tab = await connect(cookie);
    tab.send({ type: 'subscribe', roomId, afterSeq: 0 });
    await tab.next((f) => f.type === 'subscribed');

    // The absolute expiry passing, without waiting hours for it.
    await haven.db.updateTable('login_sessions').set({ expires_at: new Date() }).where('user_id', '=', userId).execute();
    const within5s = new Promise<number>((_, reject) => setTimeout(() => reject(new Error('still open after 5 s')), 5_000));
    expect(await Promise.race([closed(tab.socket), within5s])).toBe(4401);
  });
});

describe('one socket for everything a tab follows', () => {
  it('follows several rooms, refuses (tagged) rooms that are not yours, and stops one room on unsubscribe', async () => {
    const mine = await pair('OR');
    const theirs = await pair('IA');
    const provider = await connect(mine.provider);
    expect(provider.frames[0]).toEqual({ type: 'hello', pingSeconds: 1 });
    provider.send({ type: 'subscribe', roomId: mine.roomId, afterSeq: 0 });
    await provider.next((f) => f.type === 'subscribed' && f.roomId === mine.roomId);
    // Another provider's room: refused, the refusal names the room, and nothing from it arrives.
    provider.send({ type: 'subscribe', roomId: theirs.roomId, afterSeq: 0 });
    const refused = await provider.next((f) => f.type === 'error');
    expect(refused).toMatchObject({ roomId: theirs.roomId });
    expect(['forbidden', 'not_found']).toContain(refused.type === 'error' && refused.code);
    provider.send({ type: 'typing', roomId: theirs.roomId });
    expect(await provider.next((f) => f.type === 'error')).toMatchObject({ code: 'forbidden', roomId: theirs.roomId });
    await say(theirs.client, theirs.roomId, 'not for you');

    // The client follows the same room; once the provider unsubscribes, only the client hears it.
    const client = await connect(mine.client);
    client.send({ type: 'subscribe', roomId: mine.roomId, afterSeq: 0 });
    await client.next((f) => f.type === 'subscribed');
    await say(mine.client, mine.roomId, 'first');
    await provider.next((f) => f.type === 'message' && f.message.text === 'first');
    provider.send({ type: 'unsubscribe', roomId: mine.roomId });
    // Frames are handled in order: once this answer is back, the unsubscribe has been done.
    provider.send({ type: 'ping' });
    await provider.next((f) => f.type === 'pong');
    // An unsubscribe sent on the heels of its subscribe still wins: it waits for the subscribe to finish.
    const hasty = await connect(mine.provider);
    hasty.send({ type: 'subscribe', roomId: mine.roomId, afterSeq: 1 });
    hasty.send({ type: 'unsubscribe', roomId: mine.roomId });
    hasty.send({ type: 'ping' });
    await hasty.next((f) => f.type === 'pong');
    expect(hasty.frames.some((f) => f.type === 'subscribed')).toBe(true);
    await say(mine.client, mine.roomId, 'second');
    await client.next((f) => f.type === 'message' && f.message.text === 'second');
    await say(mine.client, mine.roomId, 'third');
    await client.next((f) => f.type === 'message' && f.message.text === 'third');
    const texts = provider.frames.flatMap((f) => (f.type === 'message' ? [f.message.text] : []));
    expect(texts).toEqual(['first']);
    expect(hasty.frames.filter((f) => f.type === 'message')).toEqual([]);
    hasty.socket.close();
    provider.socket.close();
    client.socket.close();
  });

  it('pings every interval; a tab that answers stays online, one that stops answering is dropped and goes offline', async () => {
    const { client, provider, roomId } = await pair('KS');
    const clientId = (await haven.as(client).get('/api/me')).json<{ user: { id: string } }>().user.id;
    const providerId = (await haven.as(provider).get('/api/me')).json<{ user: { id: string } }>().user.id;
    const answering = await connect(client);
    const silent = await connect(provider, haven.baseUrl, false);
    silent.send({ type: 'subscribe', roomId, afterSeq: 0 });
    await silent.next((f) => f.type === 'subscribed');
    expect(await haven.app.context.presence.isOnline(providerId)).toBe(true);

    await silent.next((f) => f.type === 'ping');
    const code = await closed(silent.socket);
    expect(code).toBe(1006); // dropped, not closed politely: the tab is presumed gone
    await expect.poll(() => haven.app.context.presence.isOnline(providerId)).toBe(false);

    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(answering.socket.readyState).toBe(WebSocket.OPEN);
    expect(answering.frames.filter((f) => f.type === 'ping').length).toBeGreaterThanOrEqual(2);
    expect(await haven.app.context.presence.isOnline(clientId)).toBe(true);
    answering.socket.close();
    await expect.poll(() => haven.app.context.presence.isOnline(clientId)).toBe(false);
  });
});

describe('inbox and notifications', () => {
  it('lists a provider’s rooms by reply-by, with unread counts', async () => {
    const first = await pair('CO');
    const db = haven.db;
    // A second client of the same provider writes later: their reply is due later.
    const second = (await aSignedUpClient(haven)).cookie;
    void second;
    await say(first.client, first.roomId, 'first');
    const inbox = (await haven.as(first.provider).get('/api/provider/inbox')).json<{
      rooms: Array<{ roomId: string; unread: number; replyBy: string | null }>;
    }>();
    expect(inbox.rooms[0]).toMatchObject({ roomId: first.roomId, unread: 1 });
    expect(inbox.rooms[0]!.replyBy).not.toBeNull();
    await say(first.provider, first.roomId, 'reply');
    const answered = (await haven.as(first.provider).get('/api/provider/inbox')).json<{ rooms: Array<{ replyBy: string | null }> }>();
    expect(answered.rooms[0]!.replyBy).toBeNull();
    void db;
  });

  it('gives operators each provider’s response times and breaches', async () => {
    const { client, provider, providerId, roomId } = await pair('NM');
    const admin = await signInAsNewAdmin(haven.app);
    await say(client, roomId, 'question one');
    await say(provider, roomId, 'answer one');
    // A wait from long ago, answered now: past its reply-by, so a breach.
    await say(client, roomId, 'question two');
    await haven.db
      .updateTable('messages')
      .set({ sent_at: new Date(Date.now() - 20 * 86_400_000) })
      .where('room_id', '=', roomId)
      .where('seq', '=', 3)
      .execute();
    await say(provider, roomId, 'answer two, late');
    await say(client, roomId, 'question three');
    await haven.db
      .updateTable('messages')
      .set({ sent_at: new Date(Date.now() - 10 * 86_400_000) })
      .where('room_id', '=', roomId)
      .where('seq', '=', 5)
      .execute();
    const times = (await haven.as(admin).get('/api/admin/response-times')).json<ResponseTimes>();
    const mine = times.providers.find((p) => p.providerId === providerId);
    expect(mine).toMatchObject({ replies: 2, breaches: 1, overdueNow: 1 });
    expect(mine!.medianSeconds).toBeLessThan(60);
    expect(mine!.p90Seconds).toBeGreaterThan(19 * 86_400);
    expect((await haven.as(client).get('/api/admin/response-times')).statusCode).toBe(403);
  });

  it('rings the bell and emails an offline recipient at most once per 15 minutes, discreetly when asked, over real SMTP', async () => {
    const { client, provider, roomId } = await pair('NV');
    await haven.as(client).put('/api/notifications/settings', { discreet: true });
    await say(provider, roomId, 'Checking in after our last message.');
    await say(provider, roomId, 'And one more thing.');
    await drainEvents(haven.app.context);
    const bell = (await haven.as(client).get('/api/notifications')).json<{ unread: number }>();
    expect(bell.unread).toBe(2);
    const me = (await haven.as(client).get('/api/me')).json<{ user: { email: string } }>().user;
    // Leave out the confirmation link the client's sign-up emailed: what is counted here is the message email.
    const queued = await haven.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', me.email)
      .where('template', '!=', 'account.verify_email')
      .execute();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.subject).toBe('You have a new message');
    expect(queued[0]!.body_text).not.toMatch(/Checking in|Provider/);

    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push(data);
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    const sender = smtpSender(haven.db, { url: `smtp://127.0.0.1:${port}`, from: 'Haven <no-reply@haven.test>' });
    try {
      expect(await sender.sendPending()).toBeGreaterThanOrEqual(1);
      expect(received.some((mail) => mail.includes(me.email) && mail.includes('You have a new message'))).toBe(true);
      expect(await sender.sendPending()).toBe(0);
    } finally {
      sender.close();
      await new Promise<void>((resolve) => smtp.close(resolve));
    }
  });
});
