import { ScreenerHistory, type RescreenRequest } from '@haven/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestJson, type ApiFailure } from './client.ts';

export const myScreenersKey = ['screeners'] as const;
const clientScreenersKey = (clientId: string) => ['screeners', 'client', clientId] as const;

/** The signed-in client's check-ins over time and whether one is due. */
export function useMyScreeners() {
  return useQuery<ScreenerHistory, ApiFailure>({ queryKey: myScreenersKey, queryFn: () => requestJson('/api/screeners', ScreenerHistory) });
}

export function useRescreen() {
  const queryClient = useQueryClient();
  return useMutation<ScreenerHistory, ApiFailure, RescreenRequest>({
    mutationFn: (body) => requestJson('/api/screeners', ScreenerHistory, { method: 'POST', body }),
    onSuccess: (history) => queryClient.setQueryData(myScreenersKey, history),
  });
}

/** A current client's check-ins, for their provider. */
export function useClientScreeners(clientId: string) {
  return useQuery<ScreenerHistory, ApiFailure>({
    queryKey: clientScreenersKey(clientId),
    queryFn: () => requestJson(`/api/provider/clients/${clientId}/screeners`, ScreenerHistory),
  });
}

export function useSetRescreenInterval(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation<ScreenerHistory, ApiFailure, number>({
    mutationFn: (days) =>
      requestJson(`/api/provider/clients/${clientId}/screeners/interval`, ScreenerHistory, { method: 'PUT', body: { days } }),
    onSuccess: (history) => queryClient.setQueryData(clientScreenersKey(clientId), history),
  });
}
