import {
  ApiError,
  Inbox,
  Message,
  MessagePage,
  MessagePageQuery,
  MyRooms,
  ReadRequest,
  ResponseTimes,
  RoomView,
  SendTextRequest,
  StarRequest,
  UploadQuery,
} from '@haven/contract';
import { MAX_UPLOAD_BYTES } from '@haven/contract';
import { Readable, Transform } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Http } from '../../platform/http/server.ts';
import { routeLimits } from '../../platform/limits/limits.ts';
import { audited, requireCaller, requireRole } from '../identity/identity.policy.ts';
import { byteRange, contentDisposition } from './media.ts';
import { responseTimes } from './response-times.ts';
import * as rooms from './room.service.ts';

const errors = {
  400: ApiError,
  401: ApiError,
  403: ApiError,
  404: ApiError,
  409: ApiError,
  413: ApiError,
  415: ApiError,
  422: ApiError,
  429: ApiError,
};
const RoomParams = z.strictObject({ roomId: z.uuid({ error: 'That room id is not valid.' }) });
const MessageParams = z.strictObject({ roomId: z.uuid(), messageId: z.uuid() });
/** What a browser records or attaches; the bytes are checked again whatever the label says. */
const UPLOAD_TYPES = /^(audio\/|video\/|application\/pdf|application\/octet-stream)/;
const LARGEST_UPLOAD = Math.max(...Object.values(MAX_UPLOAD_BYTES));
const UPLOAD_NOUNS = { voice: 'A voice message', video: 'A video message', file: 'A file' } as const;

/** The most an upload of this request's kind may hold (the largest of any kind when the query is wrong). */
function uploadLimit(request: FastifyRequest): { bytes: number; tooLarge: () => AppError } {
  const kind = UploadQuery.shape.kind.safeParse((request.query as { kind?: unknown } | undefined)?.kind);
  const bytes = kind.success ? MAX_UPLOAD_BYTES[kind.data] : LARGEST_UPLOAD;
  const what = kind.success ? UPLOAD_NOUNS[kind.data] : 'An upload';
  return { bytes, tooLarge: () => new AppError('payload_too_large', `${what} can be at most ${bytes / 2 ** 20} MB.`) };
}

/** Counts bytes as they stream in and stops the upload (and its connection) the moment it passes its limit. */
function capped(limit: ReturnType<typeof uploadLimit>, reply: FastifyReply) {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen <= limit.bytes) return done(null, chunk);
      reply.header('connection', 'close');
      done(limit.tooLarge());
    },
  });
}

export function registerRooms(app: Http, context: AppContext): void {
  const tags = ['room'];
  const { db } = context;
  const me = (request: FastifyRequest) => requireCaller(context, request);
  const limits = routeLimits(context.config);
  // Run inside admitUpload, first: a refused upload is answered before its room is even looked up.
  const limitUploads = app.rateLimit(limits.uploads.rateLimit);
  // Uploads stay a stream: the service seals them as they arrive and never holds one whole.
  app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  app.get('/api/rooms', { schema: { tags, summary: 'Your rooms', response: { 200: MyRooms, ...errors } } }, async (request) =>
    audited(db, request, 'rooms.listed', await rooms.myRooms(me(request)), (r) => ({ rooms: r.rooms.map((room) => room.roomId) })),
  );

  app.get(
    '/api/rooms/:roomId',
    {
      schema: {
        tags,
        summary: 'A room: newest messages, read state, shared files',
        params: RoomParams,
        response: { 200: RoomView, ...errors },
      },
    },
    (request) => rooms.roomView(me(request), request.params.roomId),
  );

  app.get(
    '/api/rooms/:roomId/messages',
    {
      schema: {
        tags,
        summary: 'Earlier (before=) or later (after=) messages',
        params: RoomParams,
        querystring: MessagePageQuery,
        response: { 200: MessagePage, ...errors },
      },
    },
    (request) => rooms.messagePage(me(request), request.params.roomId, request.query),
  );

  app.post(
    '/api/rooms/:roomId/messages',
    {
      config: limits.messages,
      schema: {
        tags,
        summary: 'Send a text message (a repeated id returns the first send)',
        params: RoomParams,
        body: SendTextRequest,
        response: { 200: Message, 201: Message, ...errors },
      },
    },
    async (request, reply) => {
      const { message, created } = await rooms.sendText(me(request), request.params.roomId, request.body);
      return reply.status(created ? 201 : 200).send(message);
    },
  );

  /**
   * Who may upload where, and how much, decided from the headers alone: a refused upload is
   * answered before one byte of its body is read, and its connection is closed.
   */
  async function admitUpload(request: FastifyRequest, reply: FastifyReply) {
    try {
      const caller = me(request);
      await limitUploads.call(app, request, reply);
      const params = RoomParams.safeParse(request.params);
      if (!params.success) throw AppError.invalid('roomId', 'That room id is not valid.');
      const limit = uploadLimit(request);
      const declared = request.headers['content-length'] === undefined ? null : Number(request.headers['content-length']);
      const clientMessageId = UploadQuery.shape.clientMessageId.safeParse((request.query as { clientMessageId?: unknown }).clientMessageId);
      await rooms.admitUpload(caller, params.data.roomId, {
        clientMessageId: clientMessageId.success ? clientMessageId.data : null,
        declaredBytes: declared !== null && Number.isSafeInteger(declared) ? declared : null,
      });
      if ((declared ?? 0) > limit.bytes) throw limit.tooLarge();
    } catch (error) {
      reply.header('connection', 'close');
      throw error;
    }
  }

  app.post(
    '/api/rooms/:roomId/uploads',
    {
      bodyLimit: LARGEST_UPLOAD,
      onRequest: admitUpload,
      preParsing: async (request, reply, payload) => {
        const limited = capped(uploadLimit(request), reply);
        // A request cut off midway fails the upload's stream, so what it wrote is thrown away.
        payload.once('error', (error) => limited.destroy(error));
        payload.once('aborted', () => limited.destroy(new Error('The upload was cut off.')));
        return payload.pipe(limited);
      },
      schema: {
        tags,
        summary: 'Send a voice or video message, or a file (the body is the bytes)',
        params: RoomParams,
        querystring: UploadQuery,
        response: { 200: Message, 201: Message, ...errors },
      },
    },
    async (request, reply) => {
      const caller = me(request);
      // Images arrive parsed whole by the photo parser (they are small); everything else as a stream.
      const body: unknown = request.body;
      const stream = Buffer.isBuffer(body) ? Readable.from([body]) : body instanceof Readable ? body : null;
      if (!stream)
        return reply.status(415).send({
          error: { code: 'unsupported_media_type', message: 'Send the recording or file as the request body.', requestId: request.id },
        });
      const declared = String(request.headers['content-type'] ?? 'application/octet-stream');
      try {
        const { message, created } = await rooms.sendUpload(caller, request.params.roomId, request.query, declared, stream);
        return await reply.status(created ? 201 : 200).send(message);
      } catch (error) {
        // The rest of a refused body is not read: the connection closes after the answer.
        reply.header('connection', 'close');
        throw error;
      }
    },
  );

  app.get(
    '/api/rooms/:roomId/messages/:messageId/media',
    { schema: { tags, summary: 'A recording or file (supports Range)', params: MessageParams } },
    async (request, reply) => {
      const file = await rooms.media(me(request), request.params.roomId, request.params.messageId);
      const range = byteRange(request.headers.range, file.size);
      reply
        .header('accept-ranges', 'bytes')
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', contentDisposition(file.kind, file.contentType, file.filename))
        .type(file.contentType);
      if (range === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${file.size}`).send();
      const span = range ?? { start: 0, end: file.size - 1 };
      // Only the chunks this range touches are read and decrypted.
      const bytes = file.size === 0 ? Readable.from([]) : await file.open(span);
      reply.header('content-length', span.end - span.start + 1);
      if (range) reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${file.size}`);
      return reply.send(bytes);
    },
  );

  app.post(
    '/api/rooms/:roomId/read',
    {
      schema: {
        tags,
        summary: 'Mark read up to a sequence',
        params: RoomParams,
        body: ReadRequest,
        response: { 200: z.object({ upTo: z.number() }), ...errors },
      },
    },
    async (request) => ({
      upTo: await rooms.markRead(me(request), request.params.roomId, request.body.seq),
    }),
  );

  app.post(
    '/api/rooms/:roomId/messages/:messageId/star',
    {
      schema: {
        tags,
        summary: 'Star or unstar a message',
        params: MessageParams,
        body: StarRequest,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await rooms.setStar(me(request), request.params.roomId, request.params.messageId, request.body.starred);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/response-times',
    { schema: { tags: ['operations'], summary: 'Per-provider response times and breaches', response: { 200: ResponseTimes, ...errors } } },
    (request) => {
      requireRole(request, 'admin');
      return responseTimes(db);
    },
  );

  app.get(
    '/api/provider/inbox',
    { schema: { tags, summary: 'Your rooms by reply-by', response: { 200: Inbox, ...errors } } },
    async (request) =>
      audited(db, request, 'inbox.read', await rooms.inbox(requireCaller(context, request, 'provider')), (r) => ({
        rooms: r.rooms.map((room) => room.roomId),
      })),
  );
}
