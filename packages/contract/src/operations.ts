import { z } from 'zod';
import { Email } from './accounts.ts';
import { Licence, ProviderStatus, ProviderWorkspace } from './providers.ts';
import { Credential, UsState } from './vocabulary.ts';

export const InviteProviderRequest = z.strictObject({
  email: Email,
  firstName: z.string().trim().min(1).max(60),
  lastName: z.string().trim().min(1).max(60),
});
export type InviteProviderRequest = z.infer<typeof InviteProviderRequest>;

export const ProviderInvite = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  email: z.string(),
  expiresAt: z.string(),
  /** The one-time link to send the provider; only ever shown when the invite is made. */
  link: z.string(),
});
export type ProviderInvite = z.infer<typeof ProviderInvite>;

export const ProviderListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  state: UsState.optional(),
  language: z.string().length(2).optional(),
  status: ProviderStatus.optional(),
  /** `pending`: a licence awaits a decision; `due`: a verified licence expires within 60 days. */
  verification: z.enum(['pending', 'due']).optional(),
  page: z.coerce.number().int().min(1).default(1),
});
export type ProviderListQuery = z.input<typeof ProviderListQuery>;

export const ProviderSummary = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  status: ProviderStatus,
  credentials: z.array(Credential),
  languages: z.array(z.string()),
  licensedStates: z.array(UsState),
  pendingLicences: z.number(),
  nextExpiry: z.string().nullable(),
  capacity: z.number().nullable(),
});
export type ProviderSummary = z.infer<typeof ProviderSummary>;

export const ProviderList = z.object({
  providers: z.array(ProviderSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ProviderList = z.infer<typeof ProviderList>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const ProviderRecord = ProviderWorkspace.extend({
  statusReason: z.string().nullable(),
  /** The provider's account, once they accepted their invitation; `twoStep` is on when they confirmed an authenticator. */
  account: z.object({ userId: z.uuid(), twoStep: z.boolean() }).nullable(),
  audit: z.array(AuditEntry),
});
export type ProviderRecord = z.infer<typeof ProviderRecord>;

export const LicenceDecision = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('verify') }),
  z.strictObject({
    decision: z.literal('reject'),
    reason: z.string().trim().min(5, { error: 'Say why the licence is rejected (at least 5 characters).' }).max(500),
  }),
]);
export type LicenceDecision = z.infer<typeof LicenceDecision>;

export const LicenceQueueItem = Licence.extend({
  providerId: z.uuid(),
  providerName: z.string(),
});
export const LicenceQueue = z.object({ licences: z.array(LicenceQueueItem) });
export type LicenceQueue = z.infer<typeof LicenceQueue>;

export const StatusChangeRequest = z.strictObject({
  reason: z.string().trim().min(5, { error: 'Give a reason of at least 5 characters; it goes in the audit log.' }).max(500),
});
export type StatusChangeRequest = z.infer<typeof StatusChangeRequest>;

/** An email Haven queued; on the embedded default nothing is sent, so operators read them here. */
export const OutboxEmail = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const Outbox = z.object({ emails: z.array(OutboxEmail) });
export type Outbox = z.infer<typeof Outbox>;
