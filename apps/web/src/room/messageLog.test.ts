import type { Message } from '@haven/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addPending,
  emptyLog,
  lastReadOfMine,
  lastSeq,
  lastSeqFromOthers,
  readBy,
  unbrokenSeq,
  receive,
  receiveEarlier,
  receiveView,
  setStarred,
  updatePending,
  type PendingMessage,
} from './messageLog.ts';

const ME = '00000000-0000-4000-8000-000000000001';
const THEM = '00000000-0000-4000-8000-000000000002';
const ROOM = '00000000-0000-4000-8000-0000000000aa';

function message(seq: number, from = THEM, starred = false): Message {
  const id = `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
  return {
    id,
    roomId: ROOM,
    seq,
    senderId: from,
    senderRole: from === ME ? 'client' : 'provider',
    senderName: from === ME ? 'Dana' : 'Rosa',
    clientMessageId: `cm-${seq}`,
    kind: 'text',
    text: `message ${seq}`,
    attachment: null,
    liveSessionId: null,
    sentAt: new Date(Date.UTC(2025, 0, 1, 0, seq)).toISOString(),
    starred,
  };
}

const pending = (clientMessageId: string): PendingMessage => ({
  clientMessageId,
  kind: 'text',
  text: 'hello',
  file: null,
  filename: null,
  durationMs: null,
  status: 'sending',
  failure: null,
});

const seqs = (log: { messages: readonly Message[] }) => log.messages.map((m) => m.seq);

describe('the message log', () => {
  it('holds each message once, in sequence order, whatever order and however often they arrive', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 15 }), { maxLength: 8 }), (batches) => {
        let log = emptyLog;
        for (const batch of batches)
          log = receive(
            log,
            batch.map((seq) => message(seq)),
            ME,
          );
        const expected = [...new Set(batches.flat())].sort((a, b) => a - b);
        expect(seqs(log)).toEqual(expected);
      }),
    );
  });

  it('merges the first page, an earlier page and live frames without a gap or a repeat', () => {
    const view = { messages: [48, 49, 50].map((s) => message(s)), hasEarlier: true, readUpTo: { mine: 49, theirs: 50 } };
    let log = receiveView(emptyLog, view, ME);
    log = receive(log, [message(50), message(51)], ME);
    log = receiveEarlier(log, { messages: [46, 47, 48].map((s) => message(s)), hasEarlier: false }, ME);
    expect(seqs(log)).toEqual([46, 47, 48, 49, 50, 51]);
    expect(log.hasEarlier).toBe(false);
    expect(lastSeq(log)).toBe(51);
    // The view read again after a reconnect does not bring back "there is more" for what was loaded.
    log = receiveView(log, view, ME);
    expect(log.hasEarlier).toBe(false);
    expect(log.myReadSeq).toBe(49);
  });

  it('resubscribes after the last message with none missing before it', () => {
    expect(unbrokenSeq(emptyLog)).toBe(0);
    // A provider may see the room only from their assignment on: the oldest held is where it starts.
    let log = receive(
      emptyLog,
      [40, 41, 42].map((s) => message(s)),
      ME,
    );
    expect(unbrokenSeq(log)).toBe(42);
    // My own send answered while the socket was down: 43–45 are missing, so 42 it stays.
    log = receive(log, [message(46, ME)], ME);
    expect(lastSeq(log)).toBe(46);
    expect(unbrokenSeq(log)).toBe(42);
    log = receive(
      log,
      [43, 44, 45, 46].map((s) => message(s)),
      ME,
    );
    expect(unbrokenSeq(log)).toBe(46);
  });

  it('keeps a star when the same message comes again from the socket, which does not know stars', () => {
    let log = receive(emptyLog, [message(1, THEM, true)], ME);
    log = receive(log, [message(1, THEM, false)], ME);
    expect(log.messages[0]?.starred).toBe(true);
    log = setStarred(log, message(1).id, false);
    expect(log.messages[0]?.starred).toBe(false);
  });

  it('ends a pending send when its message is confirmed, by the answer or by the socket first', () => {
    let log = addPending(emptyLog, pending('cm-7'));
    log = addPending(log, pending('cm-8'));
    log = updatePending(log, 'cm-8', { status: 'failed', failure: 'unavailable' });
    expect(log.pending.map((p) => p.status)).toEqual(['sending', 'failed']);
    log = receive(log, [message(7, ME)], ME);
    expect(log.pending.map((p) => p.clientMessageId)).toEqual(['cm-8']);
    // The other side's message with the same client id is theirs, not my send.
    log = receive(log, [{ ...message(9, THEM), clientMessageId: 'cm-8' }], ME);
    expect(log.pending).toHaveLength(1);
  });

  it('knows what to mark read and which of my messages carries "Read"', () => {
    let log = receive(emptyLog, [message(1, ME), message(2, THEM), message(3, ME), message(4, ME)], ME);
    expect(lastSeqFromOthers(log, ME)).toBe(2);
    expect(lastReadOfMine(log, ME)).toBeNull();
    log = readBy(log, 'them', 3);
    expect(lastReadOfMine(log, ME)?.seq).toBe(3);
    expect(readBy(log, 'them', 2)).toBe(log);
  });
});
