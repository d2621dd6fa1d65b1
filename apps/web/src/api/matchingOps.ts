import { MatchingOverview, ResponseTimes, SafetyFlag, SafetyFlags } from '@haven/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestJson, useMe, type ApiFailure } from './client.ts';

/** Which safety flags to list: those still waiting for follow-up, or every one. */
export type SafetyFlagFilter = 'open' | 'all';
type SafetyFlagList = { flags: SafetyFlag[] };

const matchingKey = ['admin', 'matching'] as const;
const safetyKey = ['admin', 'safety-flags'] as const;

export function useMatchingOverview() {
  return useQuery<MatchingOverview, ApiFailure>({
    queryKey: matchingKey,
    queryFn: () => requestJson('/api/admin/matching', MatchingOverview),
  });
}

/** Runs the batch assignment of the queue now; the answer is the overview afterwards. */
export function useRunMatchingBatch() {
  const queryClient = useQueryClient();
  return useMutation<MatchingOverview, ApiFailure, void>({
    mutationFn: () => requestJson('/api/admin/matching/run', MatchingOverview, { method: 'POST' }),
    onSuccess: (overview) => queryClient.setQueryData(matchingKey, overview),
  });
}

export function useSafetyFlags(status: SafetyFlagFilter, enabled = true) {
  return useQuery<SafetyFlagList, ApiFailure>({
    queryKey: [...safetyKey, status],
    queryFn: () => requestJson(`/api/admin/safety-flags?status=${status}`, SafetyFlags),
    enabled,
  });
}

/** How many flags wait for follow-up, for the console's navigation; undefined until known. */
export function useOpenSafetyFlagCount(): number | undefined {
  const isAdmin = useMe().data?.role === 'admin';
  return useSafetyFlags('open', isAdmin).data?.flags.filter((flag) => flag.followedUpAt === null).length;
}

export function useRecordFollowUp() {
  const queryClient = useQueryClient();
  return useMutation<SafetyFlag, ApiFailure, { flagId: string; note: string }>({
    mutationFn: ({ flagId, note }) =>
      requestJson(`/api/admin/safety-flags/${encodeURIComponent(flagId)}/follow-up`, SafetyFlag, {
        method: 'POST',
        body: { note },
      }),
    onSuccess: (flag) => {
      // Show the follow-up at once in every cached list, then check the lists against the server.
      queryClient.setQueriesData<SafetyFlagList>(
        { queryKey: safetyKey },
        (list) => list && { flags: list.flags.map((each) => (each.id === flag.id ? flag : each)) },
      );
      void queryClient.invalidateQueries({ queryKey: safetyKey });
    },
    // Someone else may have followed up meanwhile (409): show what the server has now.
    onError: () => void queryClient.invalidateQueries({ queryKey: safetyKey }),
  });
}

/** Per-provider reply times and reply-by breaches over the last weeks. */
export function useResponseTimes() {
  return useQuery<ResponseTimes, ApiFailure>({
    queryKey: ['admin', 'response-times'],
    queryFn: () => requestJson('/api/admin/response-times', ResponseTimes),
  });
}
