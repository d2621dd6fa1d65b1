import type { ApiError, FieldIssue } from '@haven/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';

/** Fastify's own errors, translated into ours. */
const fastifyCodes: Record<string, () => AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError('malformed_request', 'The request body is not valid JSON.'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new AppError('malformed_request', 'The request body is empty; send a JSON object.'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new AppError('payload_too_large'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new AppError('unsupported_media_type'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new AppError('malformed_request'),
  // A web-app path no file could have (a name longer than the file system allows, say).
  FST_STATIC_FORBIDDEN_PATH: () => new AppError('not_found', 'There is no such page.'),
  // Raised by the router before any route runs (see `frameworkErrors` in server.ts).
  FST_ERR_BAD_URL: () => new AppError('malformed_request', 'This address is not valid: it holds a broken %-escape.'),
  FST_ERR_MAX_PARAM_LENGTH: () => new AppError('malformed_request', 'A part of this address is too long to name anything in Haven.'),
};

export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: FieldIssue[] = error.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? 'This value is not valid.',
    }));
    const message = issues.length === 1 && issues[0] ? `${issues[0].field || 'Request'}: ${issues[0].message}` : undefined;
    return new AppError('validation_failed', message, issues);
  }
  const code = (error as FastifyError | undefined)?.code;
  if (code && fastifyCodes[code]) return fastifyCodes[code]();
  // Malformed JSON surfaces as a SyntaxError with a 400 status.
  const status = (error as FastifyError | undefined)?.statusCode;
  if (error instanceof SyntaxError && status === 400) {
    return new AppError('malformed_request', 'The request body is not valid JSON.');
  }
  return null;
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const body: ApiError = {
    error: {
      code: error.code,
      message: error.message,
      requestId: request.id,
      ...(error.issues ? { issues: error.issues } : {}),
    },
  };
  if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.status(error.status).type('application/json').send(body);
}

/**
 * For Fastify's `frameworkErrors`: the router's own refusals (a broken %-escape, an over-long path
 * parameter) answered like every other refusal, not in Fastify's format echoing the address.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('x-request-id', request.id);
  void sendError(reply, request, toAppError(error) ?? new AppError('malformed_request'));
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const known = toAppError(error);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendError(reply, request, known);
    }
    // Unknown errors: log them whole, answer with nothing but the request id.
    request.log.error({ err: error }, 'unexpected error');
    return sendError(reply, request, new AppError('internal'));
  });
}
