import {
  LicenceQueue,
  Outbox,
  ProviderInvite,
  ProviderList,
  ProviderRecord,
  type InviteProviderRequest,
  type LicenceDecision,
  type MfaResetRequest,
  type ProviderListQuery,
  type StatusChangeRequest,
} from '@haven/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestEmpty, requestJson, type ApiFailure, type ApiRequest } from './client.ts';

const adminKey = ['admin'] as const;
const recordKey = (providerId: string) => [...adminKey, 'provider', providerId] as const;
const providerPath = (providerId: string) => `/api/admin/providers/${encodeURIComponent(providerId)}`;

export function useInviteProvider() {
  const queryClient = useQueryClient();
  return useMutation<ProviderInvite, ApiFailure, InviteProviderRequest>({
    mutationFn: (body) => requestJson('/api/admin/provider-invites', ProviderInvite, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...adminKey, 'providers'] }),
  });
}

type ProviderListSearch = Partial<Record<keyof ProviderListQuery, string | number>>;

/** Turns a list query into URL search parameters, leaving out what is not set. */
export function searchParamsOf(query: Partial<Record<string, string | number>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params;
}

export function useProviderList(query: ProviderListSearch) {
  const search = searchParamsOf(query).toString();
  return useQuery<ProviderList, ApiFailure>({
    queryKey: [...adminKey, 'providers', search],
    queryFn: () => requestJson(`/api/admin/providers?${search}`, ProviderList),
    placeholderData: (previous) => previous,
  });
}

export function useProviderRecord(providerId: string) {
  return useQuery<ProviderRecord, ApiFailure>({
    queryKey: recordKey(providerId),
    queryFn: () => requestJson(providerPath(providerId), ProviderRecord),
  });
}

export function useOutbox() {
  return useQuery<Outbox, ApiFailure>({
    queryKey: [...adminKey, 'outbox'],
    queryFn: () => requestJson('/api/admin/outbox', Outbox),
  });
}

export function useLicenceQueue() {
  return useQuery<LicenceQueue, ApiFailure>({
    queryKey: [...adminKey, 'licences', 'pending'],
    queryFn: () => requestJson('/api/admin/licences?status=pending', LicenceQueue),
  });
}

/** A decision about a provider; the API answers with the provider's whole record. */
function useRecordChange<V>(request: (variables: V) => [path: string, init: ApiRequest]) {
  const queryClient = useQueryClient();
  return useMutation<ProviderRecord, ApiFailure, V>({
    mutationFn: (variables) => {
      const [path, init] = request(variables);
      return requestJson(path, ProviderRecord, init);
    },
    onSuccess: (record) => {
      queryClient.setQueryData(recordKey(record.profile.id), record);
      void queryClient.invalidateQueries({
        predicate: ({ queryKey }) => queryKey[0] === adminKey[0] && queryKey[1] !== 'provider',
      });
      void queryClient.invalidateQueries({ queryKey: ['providers', record.profile.id] });
    },
  });
}

export const useActivateProvider = () =>
  useRecordChange((providerId: string) => [`${providerPath(providerId)}/activate`, { method: 'POST' }]);

export const useDeactivateProvider = () =>
  useRecordChange(({ providerId, body }: { providerId: string; body: StatusChangeRequest }) => [
    `${providerPath(providerId)}/deactivate`,
    { method: 'POST', body },
  ]);

export const useDecideLicence = () =>
  useRecordChange(({ licenceId, body }: { licenceId: string; body: LicenceDecision }) => [
    `/api/admin/licences/${encodeURIComponent(licenceId)}/decision`,
    { method: 'POST', body },
  ]);

/** Resets a provider's two-step sign-in (lost device), then reloads their record. */
export function useResetTwoStep() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiFailure, { userId: string; providerId: string; body: MfaResetRequest }>({
    mutationFn: ({ userId, body }) => requestEmpty(`/api/admin/users/${encodeURIComponent(userId)}/mfa/reset`, { method: 'POST', body }),
    onSuccess: (_done, { providerId }) => void queryClient.invalidateQueries({ queryKey: recordKey(providerId) }),
  });
}
