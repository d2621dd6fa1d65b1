import { z } from 'zod';

export const roles = ['client', 'provider', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export const Email = z
  .email({ error: 'Enter an email address like name@example.com.' })
  .max(254, { error: 'That email address is too long.' });

export const Password = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN_LENGTH, {
    error: `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`,
  })
  .max(PASSWORD_MAX_LENGTH, {
    error: `Use at most ${PASSWORD_MAX_LENGTH} characters for your password.`,
  });

export const PreferredName = z
  .string({ error: 'Tell us what to call you.' })
  .trim()
  .min(1, { error: 'Tell us what to call you.' })
  .max(80, { error: 'Use at most 80 characters for your name.' });

export const TimeZoneName = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'Use a time zone name like America/Chicago.' },
);

export const SignUpRequest = z.strictObject({
  email: Email,
  password: Password,
  preferredName: PreferredName,
});
export type SignUpRequest = z.infer<typeof SignUpRequest>;

export const SignInRequest = z.strictObject({
  email: Email,
  // Sign-in accepts any non-empty password: length rules are for new passwords only.
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, { error: 'Enter your password.' })
    .max(PASSWORD_MAX_LENGTH, { error: 'That password is too long.' }),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

/** The signed-in account as the web app sees it. */
export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  preferredName: z.string(),
  role: Role,
  createdAt: z.iso.datetime(),
});
export type Me = z.infer<typeof Me>;

export const MeResponse = z.object({ user: Me });
export type MeResponse = z.infer<typeof MeResponse>;

/**
 * Settings → Your details. The time zone is the one Haven writes times in, in emails and reminders:
 * a client's own; a provider's is their profile's (their hours are kept in it), so it is read-only here;
 * an operator has none.
 */
export const AccountDetails = z.object({
  preferredName: z.string(),
  timeZone: z.string().nullable(),
  timeZoneSetIn: z.enum(['settings', 'profile', 'none']),
});
export type AccountDetails = z.infer<typeof AccountDetails>;

export const AccountDetailsUpdate = z
  .strictObject({ preferredName: PreferredName.optional(), timeZone: TimeZoneName.optional() })
  .refine((update) => update.preferredName !== undefined || update.timeZone !== undefined, {
    error: 'Change your name, your time zone, or both.',
  });
export type AccountDetailsUpdate = z.infer<typeof AccountDetailsUpdate>;
