// A room's conversation as the browser holds it: confirmed messages in sequence order, each once,
// however they arrived (the room's first page, "load earlier", the live socket, a send's answer),
// and the sends still on their way. Pure functions, so the merging rules can be tested alone.
import type { ErrorCode, Message, MessageKind } from '@haven/contract';

export type PendingMessage = {
  /** The id the server deduplicates by: a retry sends the same one. */
  clientMessageId: string;
  kind: MessageKind;
  text: string | null;
  /** The recording or file, kept until the server has it, so that a failed send can be retried. */
  file: Blob | null;
  filename: string | null;
  durationMs: number | null;
  status: 'sending' | 'failed';
  failure: ErrorCode | null;
};

export type MessageLog = {
  /** Ascending by seq, unique by id. */
  messages: readonly Message[];
  hasEarlier: boolean;
  pending: readonly PendingMessage[];
  /** The last sequence I have read, and the last the other side has. */
  myReadSeq: number;
  theirReadSeq: number;
};

export const emptyLog: MessageLog = { messages: [], hasEarlier: false, pending: [], myReadSeq: 0, theirReadSeq: 0 };

/**
 * Adds messages to the log. A message already held keeps its star (the live socket does not know
 * who starred what); a confirmed message of mine ends the pending send with the same client id.
 */
export function receive(log: MessageLog, incoming: readonly Message[], myUserId: string): MessageLog {
  if (incoming.length === 0) return log;
  const bySeq = new Map<number, Message>();
  for (const message of log.messages) bySeq.set(message.seq, message);
  let changed = false;
  for (const message of incoming) {
    if (bySeq.has(message.seq)) continue;
    bySeq.set(message.seq, message);
    changed = true;
  }
  const confirmed = new Set(incoming.filter((m) => m.senderId === myUserId).map((m) => m.clientMessageId));
  const pending = log.pending.filter((p) => !confirmed.has(p.clientMessageId));
  if (!changed && pending.length === log.pending.length) return log;
  const messages = changed ? [...bySeq.values()].sort((a, b) => a.seq - b.seq) : log.messages;
  return { ...log, messages, pending };
}

/** An earlier page: its messages, and whether there are earlier ones still. */
export function receiveEarlier(log: MessageLog, page: { messages: readonly Message[]; hasEarlier: boolean }, myUserId: string): MessageLog {
  return { ...receive(log, page.messages, myUserId), hasEarlier: page.hasEarlier };
}

/** The room's first page, read positions included; whatever is held already stays. */
export function receiveView(
  log: MessageLog,
  view: { messages: readonly Message[]; hasEarlier: boolean; readUpTo: { mine: number; theirs: number } },
  myUserId: string,
): MessageLog {
  const merged = receive(log, view.messages, myUserId);
  const oldestHeld = log.messages[0]?.seq;
  const oldestInView = view.messages[0]?.seq;
  // An earlier page already loaded answers "is there more?" for the oldest part.
  const hasEarlier = oldestHeld !== undefined && oldestInView !== undefined && oldestHeld < oldestInView ? log.hasEarlier : view.hasEarlier;
  return {
    ...merged,
    hasEarlier,
    myReadSeq: Math.max(log.myReadSeq, view.readUpTo.mine),
    theirReadSeq: Math.max(log.theirReadSeq, view.readUpTo.theirs),
  };
}

/** The highest sequence held. */
export const lastSeq = (log: MessageLog): number => log.messages.at(-1)?.seq ?? 0;

/**
 * The highest sequence held with nothing missing before it (back to the oldest held): what a
 * (re)subscription starts after. Sequences have no gaps, so a hole means messages were missed —
 * say, the answer to my own send arrived while the socket was down.
 */
export function unbrokenSeq(log: MessageLog): number {
  const { messages } = log;
  if (messages.length === 0) return 0;
  let i = 0;
  while (i + 1 < messages.length && messages[i + 1]!.seq === messages[i]!.seq + 1) i += 1;
  return messages[i]!.seq;
}

/**
 * Forgets the messages before `seq`, which then count as earlier ones to load on request: when
 * too much was missed to fetch it all, the page keeps the newest part without a hole in it.
 */
export function keepFrom(log: MessageLog, seq: number): MessageLog {
  const messages = log.messages.filter((m) => m.seq >= seq);
  return messages.length === log.messages.length ? log : { ...log, messages, hasEarlier: true };
}

/** The newest message from the other side, which reading the room marks read. */
export function lastSeqFromOthers(log: MessageLog, myUserId: string): number {
  for (let i = log.messages.length - 1; i >= 0; i -= 1) {
    const message = log.messages[i]!;
    if (message.senderId !== myUserId) return message.seq;
  }
  return 0;
}

export function readBy(log: MessageLog, who: 'me' | 'them', seq: number): MessageLog {
  if (who === 'me') return seq > log.myReadSeq ? { ...log, myReadSeq: seq } : log;
  return seq > log.theirReadSeq ? { ...log, theirReadSeq: seq } : log;
}

export function addPending(log: MessageLog, pending: PendingMessage): MessageLog {
  return { ...log, pending: [...log.pending.filter((p) => p.clientMessageId !== pending.clientMessageId), pending] };
}

export function updatePending(
  log: MessageLog,
  clientMessageId: string,
  change: Partial<Pick<PendingMessage, 'status' | 'failure'>>,
): MessageLog {
  if (!log.pending.some((p) => p.clientMessageId === clientMessageId)) return log;
  return { ...log, pending: log.pending.map((p) => (p.clientMessageId === clientMessageId ? { ...p, ...change } : p)) };
}

export function dropPending(log: MessageLog, clientMessageId: string): MessageLog {
  return { ...log, pending: log.pending.filter((p) => p.clientMessageId !== clientMessageId) };
}

export function setStarred(log: MessageLog, messageId: string, starred: boolean): MessageLog {
  return { ...log, messages: log.messages.map((m) => (m.id === messageId ? { ...m, starred } : m)) };
}

/** My newest message the other side has read, which carries the "Read" mark. */
export function lastReadOfMine(log: MessageLog, myUserId: string): Message | null {
  for (let i = log.messages.length - 1; i >= 0; i -= 1) {
    const message = log.messages[i]!;
    if (message.senderId === myUserId && message.seq <= log.theirReadSeq) return message;
  }
  return null;
}
