// What a person writes about their health when they change a session is sealed like a message:
// the parties read it in Haven, and nothing else holds it in clear — not the session row, the
// event, the bell, the outbox or the audit trail — and no email carries it (PRODUCT §3).
import type { LiveSessionList } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import { drainEvents } from '../../testing/events.ts';
import { columnsHolding } from '../../testing/clear-text.ts';
import { useTestApp } from '../../testing/harness.ts';
import { sealLegacyReasons } from './changes.service.ts';
import { DAY, testKit } from './sessions.testkit.ts';

const haven = useTestApp({ admin: true });
const kit = testKit(haven);

describe('free text given when a session changes', () => {
  it('is sealed at rest, shown to both parties, and kept out of bells and emails', async () => {
    const provider = await kit.provider({ states: ['NE'] });
    const client = await kit.client('NE', { credits: 4, expectProvider: provider.id });
    const slots = (await kit.options(client.cookie, new Date(Date.now() + 2 * DAY), new Date(Date.now() + 6 * DAY))).json<{
      slots: Array<{ start: string }>;
    }>().slots;
    const [cancelled, moved, declined] = [
      await kit.bookOne(client.cookie, slots[0]!.start),
      await kit.bookOne(client.cookie, slots[2]!.start),
      await kit.bookOne(client.cookie, slots[4]!.start),
    ];

    const secrets = ['my depression got worse', 'the panic attacks are back', 'I relapsed on Friday'];
    expect((await kit.call('POST', `/api/sessions/${cancelled.id}/cancel`, client.cookie, { reason: secrets[0] })).statusCode).toBe(200);
    const rescheduled = await kit.call('POST', `/api/sessions/${moved.id}/reschedule`, client.cookie, {
      start: slots[7]!.start,
      acceptedCostCents: 0,
      reason: secrets[1],
    });
    expect(rescheduled.statusCode, rescheduled.body).toBe(200);
    expect((await kit.call('POST', `/api/sessions/${declined.id}/cancel`, provider.cookie, { reason: secrets[2] })).statusCode).toBe(200);
    await drainEvents(haven.app.context);

    // Both parties read what was written, on the session itself.
    for (const cookie of [client.cookie, provider.cookie]) {
      expect((await kit.session(cookie, cancelled.id)).changeReason).toBe(secrets[0]);
      expect((await kit.session(cookie, moved.id)).changeReason).toBe(secrets[1]);
      expect((await kit.session(cookie, declined.id)).changeReason).toBe(secrets[2]);
    }
    const listed = (await kit.call('GET', '/api/sessions', client.cookie)).json<LiveSessionList>().past;
    expect(listed.find((s) => s.id === cancelled.id)?.changeReason).toBe(secrets[0]);
    // The other party is told there is a note, and where to read it — not what it says.
    expect(await kit.noticesAbout(provider.cookie, cancelled.id)).toContainEqual(
      expect.stringMatching(/cancelled the session on .* They left a note about it on your sessions page\./),
    );

    for (const secret of secrets) expect(await columnsHolding(haven.db, secret), secret).toEqual([]);
    const outbox = await haven.db.selectFrom('outbox_emails').selectAll().execute();
    expect(outbox.length).toBeGreaterThan(0);
  });

  it('written in clear before sealing began, is sealed at the next start and still reads the same', async () => {
    const provider = await kit.provider({ states: ['SD'] });
    const client = await kit.client('SD', { credits: 2, expectProvider: provider.id });
    const slot = await kit.slotAfter(client.cookie, 2 * DAY);
    const session = await kit.bookOne(client.cookie, slot.start);
    await haven.db
      .updateTable('live_sessions')
      .set({ status: 'cancelled', change_reason: 'an old reason in clear' })
      .where('id', '=', session.id)
      .execute();

    const { db, sealer } = haven.app.context;
    expect(await sealLegacyReasons(db, sealer)).toBe(1);
    expect(await sealLegacyReasons(db, sealer)).toBe(0);
    expect(await columnsHolding(db, 'an old reason in clear')).toEqual([]);
    expect((await kit.session(client.cookie, session.id)).changeReason).toBe('an old reason in clear');
  });
});
