import { Caseload, type sessionOutcomes } from '@haven/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestJson, type ApiFailure } from './client.ts';

export type SessionOutcome = (typeof sessionOutcomes)[number];

const caseloadKey = ['provider', 'caseload'] as const;

/** The signed-in provider's current clients, their open messaging session and their live sessions. */
export function useCaseload() {
  return useQuery<Caseload, ApiFailure>({
    queryKey: caseloadKey,
    queryFn: () => requestJson('/api/provider/clients', Caseload),
  });
}

/** A change to the caseload; the API answers with the whole caseload, which replaces the cached one. */
function useCaseloadChange<V>(path: (variables: V) => string, body?: (variables: V) => unknown) {
  const queryClient = useQueryClient();
  return useMutation<Caseload, ApiFailure, V>({
    mutationFn: (variables) => requestJson(path(variables), Caseload, { method: 'POST', body: body?.(variables) }),
    onSuccess: (caseload) => queryClient.setQueryData(caseloadKey, caseload),
    // Already done elsewhere, or too early (409): show what the server has now.
    onError: () => void queryClient.invalidateQueries({ queryKey: caseloadKey }),
  });
}

export const useCompleteMessagingSession = () =>
  useCaseloadChange((sessionId: string) => `/api/provider/messaging-sessions/${encodeURIComponent(sessionId)}/complete`);

export const useRecordSessionOutcome = () =>
  useCaseloadChange(
    ({ sessionId }: { sessionId: string; outcome: SessionOutcome }) => `/api/provider/sessions/${encodeURIComponent(sessionId)}/outcome`,
    ({ outcome }) => ({ outcome }),
  );
