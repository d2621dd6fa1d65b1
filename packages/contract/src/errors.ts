import { z } from 'zod';

/** Every error the API can answer with. The server maps each code to one HTTP status. */
export const errorCodes = [
  'validation_failed',
  'malformed_request',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'email_taken',
  'conflict',
  'invite_unusable',
  'link_unusable',
  'provider_not_ready',
  'invalid_image',
  'weak_password',
  'under_age',
  'intake_incomplete',
  'ambiguous_provider',
  'switch_in_progress',
  'slot_taken',
  'not_licensed_here',
  'join_not_open',
  'coverage_invalid',
  'no_credits',
  'not_in_plan',
  'estimate_changed',
  'session_open',
  'invalid_media',
  'range_too_long',
  'note_incomplete',
  'rate_limited',
  'email_unverified',
  'mfa_enrolment_required',
  'mfa_required',
  'invalid_mfa_code',
  'mfa_challenge_ended',
  'unavailable',
  'internal',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldIssue = z.object({
  /** Dotted path of the offending field, e.g. `email`; empty for the whole body. */
  field: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ApiError = z.object({
  error: z.object({
    code: ErrorCode,
    /** A sentence a person can act on, in English; clients translate by `code`. */
    message: z.string(),
    requestId: z.string(),
    issues: z.array(FieldIssue).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;
