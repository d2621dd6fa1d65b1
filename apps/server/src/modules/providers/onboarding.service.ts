import type { InvitePreview, InviteProviderRequest, ProviderInvite } from '@haven/contract';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import { hashToken, newToken } from '../../platform/crypto/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { catalogueFor } from '../notifications/catalogue.ts';
import { sendEmail } from '../notifications/notifications.service.ts';
import { createAccount, findAccountByEmail, startLoginSession, type SignedIn } from '../identity/identity.service.ts';
import * as repo from './providers.repository.ts';

const INVITE_DAYS = 7;

/**
 * Invites a provider by email: a provider record in `invited` state and a one-time link
 * valid for 7 days. Inviting the same address again replaces the earlier link.
 */
export async function inviteProvider(
  db: Db,
  config: Config,
  admin: Actor,
  input: InviteProviderRequest,
  now = new Date(),
): Promise<ProviderInvite> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000);
  const link = new URL(`/invite/${token}`, config.publicUrl).toString();
  return db.transaction().execute(async (trx) => {
    if (await findAccountByEmail(trx, input.email)) {
      throw new AppError('conflict', 'An account with this email already exists. Use another address for the provider.');
    }
    let provider = await repo.findProviderByEmail(trx, input.email);
    if (provider && provider.status !== 'invited') {
      throw new AppError('conflict', `${provider.first_name} ${provider.last_name} already joined the network with this email.`);
    }
    if (provider) {
      await repo.retireOpenInvites(trx, provider.id, now);
      await repo.updateProvider(trx, provider.id, { first_name: input.firstName, last_name: input.lastName });
    } else {
      provider = await repo.insertProvider(trx, { email: input.email.trim(), first_name: input.firstName, last_name: input.lastName });
    }
    const invite = await repo.insertInvite(trx, {
      provider_id: provider.id,
      token_hash: hashToken(token),
      invited_by: admin.id!,
      expires_at: expiresAt,
    });
    // The link carries a one-time token, so it goes straight to the outbox, never into the event log.
    await sendEmail(
      trx,
      input.email,
      'provider.invite',
      catalogueFor().email.providerInvite({ firstName: input.firstName, link, expiresAt }),
    );
    await recordAudit(trx, { actor: admin, action: 'provider.invited', subject: { type: 'provider', id: provider.id } });
    return { id: invite.id, providerId: provider.id, email: provider.email, expiresAt: expiresAt.toISOString(), link };
  });
}

export async function previewInvite(db: Db, token: string, now = new Date()): Promise<InvitePreview> {
  const invite = await repo.findUsableInvite(db, hashToken(token), now);
  const provider = invite && (await repo.findProvider(db, invite.provider_id));
  if (!invite || !provider) throw new AppError('invite_unusable');
  return {
    email: provider.email,
    firstName: provider.first_name,
    lastName: provider.last_name,
    expiresAt: new Date(invite.expires_at).toISOString(),
  };
}

/**
 * Uses an invite: creates the provider's account and signs them in. The claim, the
 * account and the link commit together, so a weak password leaves the link usable and
 * a second use of the same link is refused.
 */
export async function acceptInvite(
  db: Db,
  policy: Config['session'],
  token: string,
  password: string,
  now = new Date(),
): Promise<SignedIn> {
  return db.transaction().execute(async (trx) => {
    const invite = await repo.claimInvite(trx, hashToken(token), now);
    if (!invite) throw new AppError('invite_unusable');
    const provider = (await repo.lockProvider(trx, invite.provider_id))!;
    const user = await createAccount(trx, { email: provider.email, password, preferredName: provider.first_name, role: 'provider' });
    await repo.updateProvider(trx, provider.id, { user_id: user.id, status: 'onboarding' });
    await recordAudit(trx, {
      actor: { id: user.id, label: `${provider.first_name} ${provider.last_name}` },
      action: 'provider.invite_accepted',
      subject: { type: 'provider', id: provider.id },
    });
    return { user, token: await startLoginSession(trx, policy, user.id, now) };
  });
}
