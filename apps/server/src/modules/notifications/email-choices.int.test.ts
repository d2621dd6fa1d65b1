// A person chooses which emails Haven sends (PRODUCT §2.4): the bell keeps everything either way,
// and emails about the account and about care are not a choice.
import { randomUUID } from 'node:crypto';
import type { Notifications } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import { drainEvents } from '../../testing/events.ts';
import { useTestApp } from '../../testing/harness.ts';
import { DAY, testKit } from '../sessions/sessions.testkit.ts';

const haven = useTestApp({ admin: true });
const kit = testKit(haven);

const emailsTo = async (userId: string) => {
  await drainEvents(haven.app.context);
  const { email } = await haven.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
  return (await haven.db.selectFrom('outbox_emails').select('template').where('to_address', '=', email).execute()).map((e) => e.template);
};

describe('email choices', () => {
  it('start with every email on, and are read and changed one at a time', async () => {
    const client = await kit.client('NM');
    const bell = (await kit.call('GET', '/api/notifications', client.cookie)).json<Notifications>();
    expect(bell).toMatchObject({ discreet: false, email: { messages: true, sessions: true } });

    const changed = await kit.call('PUT', '/api/notifications/settings', client.cookie, { email: { sessions: false } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Notifications>()).toMatchObject({ discreet: false, email: { messages: true, sessions: false } });
    const discreet = await kit.call('PUT', '/api/notifications/settings', client.cookie, { discreet: true });
    expect(discreet.json<Notifications>()).toMatchObject({ discreet: true, email: { messages: true, sessions: false } });

    const wrong = await kit.call('PUT', '/api/notifications/settings', client.cookie, { email: { marketing: true } });
    expect(wrong.statusCode).toBe(400);
    expect((await kit.call('PUT', '/api/notifications/settings', undefined, { discreet: true })).statusCode).toBe(401);
  });

  it('without message emails, a new message rings the bell and sends nothing', async () => {
    const provider = await kit.provider({ states: ['NM'] });
    const client = await kit.client('NM', { expectProvider: provider.id });
    await kit.call('PUT', '/api/notifications/settings', client.cookie, { email: { messages: false } });
    const sent = await kit.call('POST', `/api/rooms/${client.roomId}/messages`, provider.cookie, {
      clientMessageId: randomUUID(),
      text: 'How did the week go?',
    });
    expect(sent.statusCode).toBe(201);
    expect(await emailsTo(client.userId)).not.toContain('message.new');
    expect((await kit.call('GET', '/api/notifications', client.cookie)).json<Notifications>().unread).toBe(1);

    // Turned back on, the next message is emailed.
    await kit.call('PUT', '/api/notifications/settings', client.cookie, { email: { messages: true } });
    await kit.call('POST', `/api/rooms/${client.roomId}/messages`, provider.cookie, { clientMessageId: randomUUID(), text: 'Still here.' });
    expect(await emailsTo(client.userId)).toContain('message.new');
  });

  it('without session emails, a cancellation rings the bell and sends nothing', async () => {
    const provider = await kit.provider({ states: ['NM'] });
    const client = await kit.client('NM', { credits: 3, expectProvider: provider.id });
    await kit.call('PUT', '/api/notifications/settings', provider.cookie, { email: { sessions: false } });
    const slots = (await kit.options(client.cookie, new Date(Date.now() + 2 * DAY), new Date(Date.now() + 5 * DAY))).json<{
      slots: Array<{ start: string }>;
    }>().slots;
    const session = await kit.bookOne(client.cookie, slots[0]!.start);
    expect((await kit.call('POST', `/api/sessions/${session.id}/cancel`, client.cookie, {})).statusCode).toBe(200);

    expect(await kit.noticesAbout(provider.cookie, session.id)).toHaveLength(2);
    expect((await emailsTo(provider.userId)).filter((t) => t?.startsWith('session.'))).toEqual([]);

    // Turned back on, the next booking is emailed.
    await kit.call('PUT', '/api/notifications/settings', provider.cookie, { email: { sessions: true } });
    await kit.bookOne(client.cookie, slots[2]!.start);
    expect(await emailsTo(provider.userId)).toContain('session.booked');
  });
});
