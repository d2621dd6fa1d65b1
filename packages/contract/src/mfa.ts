import { z } from 'zod';
import { Me, PASSWORD_MAX_LENGTH } from './accounts.ts';

export const RECOVERY_CODE_COUNT = 10;

/** A 6-digit code from an authenticator app, or a recovery code (letters and digits, dashes and spaces ignored). */
export const MfaCode = z
  .string({ error: 'Enter the 6-digit code from your authenticator app, or a recovery code.' })
  .trim()
  .min(6, { error: 'Enter the 6-digit code from your authenticator app, or a recovery code.' })
  .max(40, { error: 'That code is too long: enter the 6-digit code or one recovery code.' })
  .regex(/^[A-Za-z0-9 -]+$/, { error: 'A code has only letters, digits and dashes.' });

/** Confirming enrolment takes a code from the app, not a recovery code. */
export const TotpCode = z
  .string({ error: 'Enter the 6-digit code from your authenticator app.' })
  .trim()
  .regex(/^\d{6}$/, { error: 'Enter the 6-digit code from your authenticator app.' });

export const MfaCodeRequest = z.strictObject({ code: MfaCode });
export type MfaCodeRequest = z.infer<typeof MfaCodeRequest>;

export const MfaConfirmRequest = z.strictObject({ code: TotpCode });
export type MfaConfirmRequest = z.infer<typeof MfaConfirmRequest>;

export const MfaDisableRequest = z.strictObject({
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, { error: 'Enter your password.' })
    .max(PASSWORD_MAX_LENGTH, { error: 'That password is too long.' }),
  code: MfaCode,
});
export type MfaDisableRequest = z.infer<typeof MfaDisableRequest>;

export const MfaResetRequest = z.strictObject({
  reason: z
    .string({ error: 'Say why this reset is needed (e.g. how you checked who asked).' })
    .trim()
    .min(10, { error: 'Say why this reset is needed in at least 10 characters.' })
    .max(500, { error: 'Keep the reason under 500 characters.' }),
});
export type MfaResetRequest = z.infer<typeof MfaResetRequest>;

/** What a person sees about their own two-step sign-in. */
export const MfaStatus = z.object({
  enabled: z.boolean(),
  /** Required for this account (providers and admins), so it cannot be left off. */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type MfaStatus = z.infer<typeof MfaStatus>;

/** Enrolment started: the secret to put in an app, as text and as a QR code (an SVG drawn by Haven). */
export const MfaEnrolment = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export type MfaEnrolment = z.infer<typeof MfaEnrolment>;

/** Shown once: the server keeps only their hashes. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

/** A password accepted for an account with two-step sign-in: the code is still to come. */
export const MfaChallengeResponse = z.object({ mfaRequired: z.literal(true) });
export type MfaChallengeResponse = z.infer<typeof MfaChallengeResponse>;

/** What a password sign-in answers: signed in, or the code still to come. */
export const SignInResponse = z.union([z.object({ user: Me }), MfaChallengeResponse]);
export type SignInResponse = z.infer<typeof SignInResponse>;
