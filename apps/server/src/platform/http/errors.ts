import type { ErrorCode, FieldIssue } from '@haven/contract';

/** The one error type the application throws on purpose. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  /** For a refusal that lifts by itself: sent as `retry-after`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string = defaultMessages[code], issues?: FieldIssue[], retryAfterSeconds?: number) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** One field's input is not acceptable, said so that a person can fix it. */
  static invalid(field: string, message: string): AppError {
    return new AppError('validation_failed', message, [{ field, message }]);
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

/** The one mapping from error codes to HTTP statuses. */
const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  email_taken: 409,
  conflict: 409,
  invite_unusable: 410,
  link_unusable: 410,
  provider_not_ready: 409,
  invalid_image: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  weak_password: 422,
  under_age: 422,
  intake_incomplete: 422,
  ambiguous_provider: 409,
  switch_in_progress: 409,
  slot_taken: 409,
  not_licensed_here: 403,
  join_not_open: 409,
  coverage_invalid: 422,
  no_credits: 409,
  not_in_plan: 409,
  estimate_changed: 409,
  session_open: 409,
  invalid_media: 422,
  range_too_long: 422,
  note_incomplete: 422,
  rate_limited: 429,
  email_unverified: 403,
  mfa_enrolment_required: 403,
  mfa_required: 401,
  invalid_mfa_code: 401,
  mfa_challenge_ended: 401,
  internal: 500,
  unavailable: 503,
};

const defaultMessages: Record<ErrorCode, string> = {
  email_unverified:
    'Confirm your email address first: we have just emailed you a new link. Open it to finish creating your account, then you are signed in.',
  mfa_enrolment_required: 'Set up two-step sign-in before you continue: open Settings → Two-step sign-in.',
  mfa_required: 'Enter the 6-digit code from your authenticator app, or a recovery code.',
  invalid_mfa_code:
    'That code is not right, or it was already used. Enter the current 6-digit code from your app, or an unused recovery code.',
  mfa_challenge_ended: 'This sign-in has expired or had too many wrong codes. Sign in again with your email and password.',
  validation_failed: 'Some of the information sent is not valid. Check the highlighted fields.',
  malformed_request: 'The request could not be read. Send a JSON body.',
  unauthenticated: 'Sign in to continue.',
  invalid_credentials: 'That email and password do not match an account. Check them and try again.',
  forbidden: 'You do not have access to this.',
  not_found: 'We could not find what you asked for.',
  email_taken: 'An account with this email already exists. Sign in instead.',
  conflict: 'That conflicts with the current state. Reload and try again.',
  invite_unusable: 'This invitation link has been used or has expired. Ask Haven operations for a new one.',
  link_unusable: 'This link has been used, replaced by a newer one, or has expired. Ask for a new one.',
  provider_not_ready: 'This provider cannot be activated yet: finish the items listed.',
  invalid_image: 'That file is not a JPEG, PNG or WebP image we can read.',
  payload_too_large: 'The request is too large.',
  unsupported_media_type: 'Send the request body as JSON (content-type: application/json).',
  weak_password: 'Choose a stronger password: longer, and not a common word or phrase.',
  under_age: 'Haven is for adults (18 and over).',
  intake_incomplete: 'Some intake questions are still unanswered.',
  ambiguous_provider: 'More than one provider has that name.',
  switch_in_progress: 'A change of provider is already under way.',
  slot_taken: 'That time was just taken. Choose another one.',
  not_licensed_here: 'Your provider is not licensed where you are now, so the session cannot take place there.',
  join_not_open: 'This session cannot be joined now.',
  coverage_invalid: 'We could not confirm that coverage.',
  no_credits: 'There are no sessions left on your coverage.',
  not_in_plan: 'Your plan does not include that.',
  estimate_changed: 'The cost has changed since you saw it. Review the new estimate and confirm again.',
  session_open: 'You already have a messaging session open.',
  invalid_media: 'That file is not a recording or document we can accept.',
  range_too_long: 'That is too long a stretch of time to ask for at once.',
  note_incomplete: 'The progress note is not ready to sign: fill in what is missing.',
  rate_limited: 'Too many attempts. Wait a minute and try again.',
  internal: 'Something went wrong on our side. Try again; if it keeps happening, contact support.',
  unavailable: 'Haven is temporarily unavailable. Try again in a moment.',
};
