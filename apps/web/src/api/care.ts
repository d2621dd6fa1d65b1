import {
  CareState,
  FirstSessionSlots,
  IntakeState,
  RequestByNameResult,
  type RequestProviderByName,
  type SaveIntakeRequest,
  type SubmitIntakeRequest,
  type SwitchProviderRequest,
} from '@haven/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestJson, type ApiFailure, type ApiRequest } from './client.ts';

export const intakeQueryKey = ['intake'] as const;
export const careQueryKey = ['care'] as const;

const retryWhenUnreachable = (failures: number, error: ApiFailure) => error.code === 'unavailable' && failures < 2;

/** The signed-in client's intake: the step reached and the answers saved so far. */
export function useIntake() {
  return useQuery<IntakeState, ApiFailure>({
    queryKey: intakeQueryKey,
    queryFn: () => requestJson('/api/intake', IntakeState),
    retry: retryWhenUnreachable,
  });
}

/** Saves one step's answers; the API merges them into the draft and answers with the whole intake. */
export function useSaveIntake() {
  const queryClient = useQueryClient();
  return useMutation<IntakeState, ApiFailure, SaveIntakeRequest>({
    mutationFn: (body) => requestJson('/api/intake', IntakeState, { method: 'PUT', body }),
    onSuccess: (intake) => queryClient.setQueryData(intakeQueryKey, intake),
  });
}

export type SlotsRange = { from: string; to: string };

/** Providers who fit the saved intake and their open first-session times, best fit first. */
export function useFirstSessionSlots({ from, to }: SlotsRange, enabled: boolean) {
  const query = new URLSearchParams({ from, to });
  return useQuery<FirstSessionSlots, ApiFailure>({
    queryKey: [...intakeQueryKey, 'first-session-slots', from, to],
    queryFn: () => requestJson(`/api/intake/first-session-slots?${query}`, FirstSessionSlots),
    enabled,
    retry: retryWhenUnreachable,
  });
}

/** The client's provider, queue place, room, sessions and earlier providers. */
export function useCare() {
  return useQuery<CareState, ApiFailure>({
    queryKey: careQueryKey,
    queryFn: () => requestJson('/api/care', CareState),
    retry: retryWhenUnreachable,
  });
}

/** A change to the client's care; the API answers with the whole care state, which replaces the cached one. */
function useCareChange<V>(request: (variables: V) => [path: string, init: ApiRequest]) {
  const queryClient = useQueryClient();
  return useMutation<CareState, ApiFailure, V>({
    mutationFn: (variables) => {
      const [path, init] = request(variables);
      return requestJson(path, CareState, init);
    },
    onSuccess: (care) => {
      queryClient.setQueryData(careQueryKey, care);
      void queryClient.invalidateQueries({ queryKey: intakeQueryKey });
    },
  });
}

export const useSubmitIntake = () => useCareChange((body: SubmitIntakeRequest) => ['/api/intake/submit', { method: 'POST', body }]);

export const useSwitchProvider = () => useCareChange((body: SwitchProviderRequest) => ['/api/care/switch', { method: 'POST', body }]);

export const useHistoryAccess = () =>
  useCareChange((body: { assignmentId: string; mayReadEarlierConversation: boolean }) => [
    '/api/care/history-access',
    { method: 'PUT', body },
  ]);

/** Asks for a provider by name; a refusal is an answer (with its reasons), not a failure. */
export function useRequestProvider() {
  const queryClient = useQueryClient();
  return useMutation<RequestByNameResult, ApiFailure, RequestProviderByName>({
    mutationFn: (body) => requestJson('/api/care/request-provider', RequestByNameResult, { method: 'POST', body }),
    onSuccess: (result) => {
      if (result.matched) queryClient.setQueryData(careQueryKey, result.care);
    },
  });
}
