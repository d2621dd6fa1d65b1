import { z } from 'zod';
import { Email, Password, PASSWORD_MAX_LENGTH } from './accounts.ts';

/** A one-time token from an emailed link (256 bits, base64url). */
const LinkToken = z
  .string({ error: 'This link is incomplete. Open the link from your email again.' })
  .regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'This link is incomplete. Open the link from your email again.' });

const CurrentPassword = z
  .string({ error: 'Enter your current password.' })
  .min(1, { error: 'Enter your current password.' })
  .max(PASSWORD_MAX_LENGTH, { error: 'That password is too long.' });

export const PasswordResetRequest = z.strictObject({ email: Email });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

export const PasswordResetCompletion = z.strictObject({ token: LinkToken, password: Password });
export type PasswordResetCompletion = z.infer<typeof PasswordResetCompletion>;

export const PasswordChangeRequest = z.strictObject({ currentPassword: CurrentPassword, newPassword: Password });
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;

export const EmailVerificationRequest = z.strictObject({ token: LinkToken });
export type EmailVerificationRequest = z.infer<typeof EmailVerificationRequest>;

/** Moving the account to another address: the change waits for the link sent there. */
export const EmailChangeRequest = z.strictObject({ newEmail: Email, currentPassword: CurrentPassword });
export type EmailChangeRequest = z.infer<typeof EmailChangeRequest>;

export const EmailChangeConfirmation = z.strictObject({ token: LinkToken });
export type EmailChangeConfirmation = z.infer<typeof EmailChangeConfirmation>;

/** The account's address after a change, and how many of its other sign-ins ended. */
export const EmailChangedResponse = z.object({ email: z.string(), ended: z.number().int().nonnegative() });
export type EmailChangedResponse = z.infer<typeof EmailChangedResponse>;

/** The answer to a request whose outcome arrives by email: the same whatever the address. */
export const CheckYourEmail = z.object({ message: z.string() });
export type CheckYourEmail = z.infer<typeof CheckYourEmail>;

/** One of the person's own sign-in sessions. */
export const SignInSession = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  /** A coarse label from the browser's User-Agent, e.g. "Firefox on Windows"; null when unknown. */
  device: z.string().nullable(),
  /** The session this request came from. */
  current: z.boolean(),
});
export type SignInSession = z.infer<typeof SignInSession>;

export const SignInSessionsResponse = z.object({ sessions: z.array(SignInSession) });
export type SignInSessionsResponse = z.infer<typeof SignInSessionsResponse>;

export const SessionsEndedResponse = z.object({ ended: z.number().int().nonnegative() });
export type SessionsEndedResponse = z.infer<typeof SessionsEndedResponse>;

/** Closing an account, confirmed with the password: access ends at once; see the settings page. */
export const CloseAccountRequest = z.strictObject({ currentPassword: CurrentPassword });
export type CloseAccountRequest = z.infer<typeof CloseAccountRequest>;
/** The answer to closing: the day the kept record is destroyed. */
export const AccountClosed = z.object({ retainUntil: z.string() });
export type AccountClosed = z.infer<typeof AccountClosed>;
