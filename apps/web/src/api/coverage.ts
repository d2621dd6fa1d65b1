import { CoverageOptions, CoverageState, type CareState, type CoverageChoice, type DirectPlanChange } from '@haven/contract';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { careQueryKey } from './care.ts';
import { requestJson, type ApiFailure } from './client.ts';

export const coverageQueryKey = ['coverage'] as const;
const optionsQueryKey = ['coverage-options'] as const;

const retryWhenUnreachable = (failures: number, error: ApiFailure) => error.code === 'unavailable' && failures < 2;

/** The direct plans on offer (price, live sessions a month) and the health plans Haven works with. */
export function useCoverageOptions() {
  return useQuery<CoverageOptions, ApiFailure>({
    queryKey: optionsQueryKey,
    queryFn: () => requestJson('/api/coverage/options', CoverageOptions),
    staleTime: 5 * 60_000,
    retry: retryWhenUnreachable,
  });
}

/** How the signed-in client pays now: balance, estimate, open messaging session, ledger and invoices. */
export function useCoverage() {
  return useQuery<CoverageState, ApiFailure>({
    queryKey: coverageQueryKey,
    queryFn: () => requestJson('/api/coverage', CoverageState),
    retry: retryWhenUnreachable,
  });
}

/** A session booked, cancelled or started changes both the care page and the balance: both are read again. */
function refreshAfter(queryClient: QueryClient, changed: { care?: CareState; coverage?: CoverageState }) {
  if (changed.care) queryClient.setQueryData(careQueryKey, changed.care);
  else void queryClient.invalidateQueries({ queryKey: careQueryKey });
  if (changed.coverage) queryClient.setQueryData(coverageQueryKey, changed.coverage);
  else void queryClient.invalidateQueries({ queryKey: coverageQueryKey });
}

function useCoverageChange<V>(path: string) {
  const queryClient = useQueryClient();
  return useMutation<CoverageState, ApiFailure, V>({
    mutationFn: (body) => requestJson(path, CoverageState, { method: 'POST', body }),
    onSuccess: (coverage) => refreshAfter(queryClient, { coverage }),
    // A refusal (the cost changed, no sessions left) means what the page shows is out of date.
    onError: () => refreshAfter(queryClient, {}),
  });
}

/** Moves to another way to pay: a direct plan, an organisation code or a health plan. */
export const useChangeCoverage = () => useCoverageChange<{ coverage: CoverageChoice }>('/api/coverage');

/** A direct plan's change of plan, pause or resume; the answer says when it takes effect. */
export const useChangeDirectPlan = () => useCoverageChange<DirectPlanChange>('/api/coverage/plan');

/** Starts a messaging session at the cost the client saw (a credit, or a copay). */
export const useStartMessagingSession = () => useCoverageChange<{ acceptedCostCents: number }>('/api/care/messaging-sessions');
