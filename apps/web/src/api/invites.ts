import { InvitePreview, MeResponse, type AcceptInviteRequest, type Me } from '@haven/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { replaceSession, requestJson, type ApiFailure } from './client.ts';

const invitePath = (token: string) => `/api/provider-invites/${encodeURIComponent(token)}`;

/** Who a provider invitation is for; fails with `invite_unusable` once used or expired. */
export function useInvitePreview(token: string) {
  return useQuery<InvitePreview, ApiFailure>({
    queryKey: ['invites', token],
    queryFn: () => requestJson(invitePath(token), InvitePreview),
    retry: (failures, error) => error.code === 'unavailable' && failures < 2,
  });
}

/** Creates the provider's account from the invitation and signs them in. */
export function useAcceptInvite(token: string) {
  const queryClient = useQueryClient();
  return useMutation<Me, ApiFailure, AcceptInviteRequest>({
    mutationFn: async (body) => (await requestJson(`${invitePath(token)}/accept`, MeResponse, { method: 'POST', body })).user,
    onSuccess: (user) => replaceSession(queryClient, user),
  });
}
