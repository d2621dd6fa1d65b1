// The therapy room (PRODUCT §2.4): asynchronous messages between a client and their provider,
// delivered live over a WebSocket and kept, encrypted at rest, in per-room order.
import { z } from 'zod';
import { PublicProviderProfile } from './providers.ts';
import { SessionClientFrames, type SessionServerFrame } from './sessions.ts';

export const messageKinds = ['text', 'voice', 'video', 'file'] as const;
export const MessageKind = z.enum(messageKinds);
export type MessageKind = z.infer<typeof MessageKind>;

/** Longest text message, in characters. */
export const MAX_TEXT_LENGTH = 10_000;
/** Largest upload per kind, in bytes. */
export const MAX_UPLOAD_BYTES = { voice: 25 * 2 ** 20, video: 200 * 2 ** 20, file: 20 * 2 ** 20 } as const;

export const Attachment = z.object({
  url: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  durationMs: z.number().int().nullable(),
  filename: z.string().nullable(),
});
export type Attachment = z.infer<typeof Attachment>;

export const Message = z.object({
  id: z.uuid(),
  roomId: z.uuid(),
  /** Per-room order: 1, 2, 3… with no gaps. */
  seq: z.number().int(),
  senderId: z.uuid(),
  senderRole: z.enum(['client', 'provider']),
  senderName: z.string(),
  clientMessageId: z.string(),
  kind: MessageKind,
  text: z.string().nullable(),
  attachment: Attachment.nullable(),
  sentAt: z.string(),
  /** Sent during this live chat session; the history marks it so. */
  liveSessionId: z.uuid().nullable(),
  starred: z.boolean(),
});
export type Message = z.infer<typeof Message>;

export const ClientMessageId = z.uuid({ error: 'Each message needs its own id (a UUID made by the sending device).' });

export const SendTextRequest = z.strictObject({
  clientMessageId: ClientMessageId,
  text: z
    .string()
    .trim()
    .min(1, { error: 'Write something before sending.' })
    .max(MAX_TEXT_LENGTH, {
      error: `A message can be up to ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters. Split it, or attach a file.`,
    }),
});
export type SendTextRequest = z.infer<typeof SendTextRequest>;

/** Query of an upload: the bytes are the request body, their type its content-type. */
export const UploadQuery = z.strictObject({
  clientMessageId: ClientMessageId,
  kind: z.enum(['voice', 'video', 'file']),
  durationMs: z.coerce
    .number()
    .int()
    .min(0)
    .max(3 * 3_600_000)
    .optional(),
  filename: z.string().trim().min(1).max(200).optional(),
});
export type UploadQuery = z.infer<typeof UploadQuery>;

export const MessagePageQuery = z.strictObject({
  before: z.coerce.number().int().min(1).optional(),
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const MessagePage = z.object({ messages: z.array(Message), hasEarlier: z.boolean() });
export type MessagePage = z.infer<typeof MessagePage>;

export const RoomView = z.object({
  roomId: z.uuid(),
  you: z.enum(['client', 'provider']),
  clientName: z.string(),
  provider: PublicProviderProfile.nullable(),
  /** The newest page; older pages come from /messages?before=. */
  messages: z.array(Message),
  hasEarlier: z.boolean(),
  /** The last sequence each side has read. */
  readUpTo: z.object({ mine: z.number().int(), theirs: z.number().int() }),
  /** For a provider: the reply-by time of the oldest client message not yet answered. */
  replyBy: z.string().nullable(),
  sharedFiles: z.array(Message),
});
export type RoomView = z.infer<typeof RoomView>;

export const ReadRequest = z.strictObject({ seq: z.number().int().min(0) });
export const StarRequest = z.strictObject({ starred: z.boolean() });

export const InboxEntry = z.object({
  roomId: z.uuid(),
  clientName: z.string(),
  lastMessageAt: z.string().nullable(),
  unread: z.number().int(),
  /** When a reply is due; null when nothing waits for one. */
  replyBy: z.string().nullable(),
  overdue: z.boolean(),
});
export const Inbox = z.object({ rooms: z.array(InboxEntry) });
export type Inbox = z.infer<typeof Inbox>;

export const MyRooms = z.object({ rooms: z.array(z.object({ roomId: z.uuid(), otherName: z.string(), unread: z.number().int() })) });
export type MyRooms = z.infer<typeof MyRooms>;

// ── WebSocket frames (JSON text frames on /api/live) ───────────────────────────────────────

/**
 * From the browser, over the tab's one socket: follow a room from a sequence (missed messages are
 * sent first, the newest ones at most: see `subscribed`) or stop following it, type, read; answer
 * the server's ping; the session frames. Subscribes are limited per socket: over the limit one is
 * answered with a `rate_limited` error frame, and a socket that keeps on is closed (1008).
 */
export const ClientFrame = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('subscribe'), roomId: z.uuid(), afterSeq: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('unsubscribe'), roomId: z.uuid() }),
  z.strictObject({ type: z.literal('typing'), roomId: z.uuid() }),
  z.strictObject({ type: z.literal('read'), roomId: z.uuid(), seq: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('pong') }),
  /** Answered with a pong once the subscribes and unsubscribes sent before it are done. */
  z.strictObject({ type: z.literal('ping') }),
  ...SessionClientFrames,
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export type ServerFrame =
  | { type: 'message'; message: Message }
  | { type: 'read'; roomId: string; userId: string; seq: number }
  | { type: 'typing'; roomId: string; userId: string }
  /**
   * The backfill is done; live messages follow. A subscription sends at most the newest N messages
   * after `afterSeq`: when more were missed, `olderBefore` is the lowest sequence sent, and the
   * messages after `afterSeq` and before it are fetched with GET /api/rooms/:roomId/messages?before=.
   * Null when nothing was left out.
   */
  | { type: 'subscribed'; roomId: string; upToSeq: number; olderBefore: number | null }
  | { type: 'notification'; unread: number }
  /** First on every connection: how often the server pings; no ping for twice that means the socket is dead. */
  | { type: 'hello'; pingSeconds: number }
  /** Answer with a pong: a socket that misses one is closed by the server. */
  | { type: 'ping' }
  | { type: 'pong' }
  /** Tagged with the room or session the refused frame was about, when it was about one. */
  | { type: 'error'; code: string; message: string; roomId?: string; sessionId?: string }
  | SessionServerFrame;

/** Close codes the live socket uses. */
export const socketCloseCodes = { policy: 1008, tooBig: 1009, unauthenticated: 4401, forbidden: 4403 } as const;

// ── Notifications ──────────────────────────────────────────────────────────────────────────

export const NotificationItem = z.object({
  id: z.uuid(),
  kind: z.enum(['message', 'session', 'screener']),
  /** A message notice opens its room; a session notice, the session; a screener notice, the client's progress. */
  roomId: z.uuid().nullable(),
  sessionId: z.uuid().nullable(),
  at: z.string(),
  text: z.string(),
  read: z.boolean(),
});
/** Which emails a person wants besides those about their account and care, which always go. */
export const EmailChoices = z.strictObject({
  /** New messages in the room (at most one per room every 15 minutes). */
  messages: z.boolean(),
  /** Live sessions: booked, requested, changed, cancelled, attended, and reminders. */
  sessions: z.boolean(),
});
export type EmailChoices = z.infer<typeof EmailChoices>;
export const Notifications = z.object({
  unread: z.number().int(),
  items: z.array(NotificationItem),
  discreet: z.boolean(),
  email: EmailChoices,
});
export type Notifications = z.infer<typeof Notifications>;
/** Any of the choices; those left out stay as they are. */
export const NotificationSettings = z.strictObject({ discreet: z.boolean().optional(), email: EmailChoices.partial().optional() });
export type NotificationSettings = z.infer<typeof NotificationSettings>;

// ── Operations: response times ─────────────────────────────────────────────────────────────

export const ResponseTimes = z.object({
  windowDays: z.number().int(),
  providers: z.array(
    z.object({
      providerId: z.uuid(),
      name: z.string(),
      replies: z.number().int(),
      medianSeconds: z.number().nullable(),
      p90Seconds: z.number().nullable(),
      breaches: z.number().int(),
      overdueNow: z.number().int(),
    }),
  ),
});
export type ResponseTimes = z.infer<typeof ResponseTimes>;
