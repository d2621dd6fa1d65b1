import { errorCodes } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import { toAppError } from './error-handler.ts';
import { AppError } from './errors.ts';

describe('AppError', () => {
  it('maps every code to a 4xx or 5xx status and a default sentence', () => {
    for (const code of errorCodes) {
      const error = new AppError(code);
      expect(error.status).toBeGreaterThanOrEqual(400);
      expect(error.status).toBeLessThan(600);
      expect(error.message).toMatch(/[.!]$/);
    }
  });

  it('keeps client errors below 500 and our failures at 500 and above', () => {
    expect(new AppError('email_taken').status).toBe(409);
    expect(new AppError('invalid_credentials').status).toBe(401);
    expect(new AppError('internal').status).toBe(500);
  });
});

describe('toAppError', () => {
  it("translates Fastify's body errors", () => {
    expect(toAppError(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE' }))?.code).toBe('payload_too_large');
    expect(toAppError(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }))?.code).toBe('unsupported_media_type');
  });

  it('leaves unknown errors unknown, so they become a bare 500', () => {
    expect(toAppError(new TypeError('boom'))).toBeNull();
  });
});
