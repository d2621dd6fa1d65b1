import {
  ProviderWorkspace,
  type AvailabilityInput,
  type LicenceInput,
  type ProviderProfileInput,
  type TimeOffInput,
} from '@haven/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestJson, type ApiFailure, type ApiRequest } from './client.ts';
import { providerQueryKey } from './providers.ts';

export const workspaceQueryKey = ['provider', 'workspace'] as const;

/** The signed-in provider's profile, licences, availability, time off and readiness. */
export function useWorkspace() {
  return useQuery<ProviderWorkspace, ApiFailure>({
    queryKey: workspaceQueryKey,
    queryFn: () => requestJson('/api/provider/workspace', ProviderWorkspace),
  });
}

/**
 * A change to the workspace; the API answers with the whole workspace, which replaces the cached
 * one. Open slots and the public profile depend on it, so they are fetched again.
 */
function useWorkspaceChange<V>(request: (variables: V) => [path: string, init: ApiRequest]) {
  const queryClient = useQueryClient();
  return useMutation<ProviderWorkspace, ApiFailure, V>({
    mutationFn: (variables) => {
      const [path, init] = request(variables);
      return requestJson(path, ProviderWorkspace, init);
    },
    onSuccess: (workspace) => {
      queryClient.setQueryData(workspaceQueryKey, workspace);
      void queryClient.invalidateQueries({ queryKey: providerQueryKey(workspace.profile.id) });
    },
  });
}

export const useSaveProfile = () => useWorkspaceChange((body: ProviderProfileInput) => ['/api/provider/profile', { method: 'PUT', body }]);

export const useUploadPhoto = () => useWorkspaceChange((file: File) => ['/api/provider/photo', { method: 'PUT', file }]);

export const useAddLicence = () => useWorkspaceChange((body: LicenceInput) => ['/api/provider/licences', { method: 'POST', body }]);

export const useRemoveLicence = () => useWorkspaceChange((id: string) => [`/api/provider/licences/${id}`, { method: 'DELETE' }]);

export const useSaveAvailability = () =>
  useWorkspaceChange((body: AvailabilityInput) => ['/api/provider/availability', { method: 'PUT', body }]);

export const useAddTimeOff = () => useWorkspaceChange((body: TimeOffInput) => ['/api/provider/time-off', { method: 'POST', body }]);

export const useRemoveTimeOff = () => useWorkspaceChange((id: string) => [`/api/provider/time-off/${id}`, { method: 'DELETE' }]);
