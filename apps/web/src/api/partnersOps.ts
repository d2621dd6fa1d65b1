import {
  ClientLedger,
  ClientList,
  EapPartner,
  Partners,
  PlanCatalogue,
  type DirectPlan,
  type EapCodeInput,
  type EapPartnerInput,
  type HealthPlanInput,
  type PlanOfferUpdate,
} from '@haven/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestJson, type ApiFailure } from './client.ts';

/** What a request schema accepts once checked: the form validates with it, then sends the result. */
type Checked<S extends { parse(value: unknown): unknown }> = ReturnType<S['parse']>;

const partnersKey = ['admin', 'partners'] as const;
const plansKey = ['admin', 'plans'] as const;
const clientsKey = ['admin', 'clients'] as const;
const eapPath = (partnerId: string) => `/api/admin/partners/eap/${encodeURIComponent(partnerId)}`;

/** EAP organisations with their codes, and health plans. */
export function usePartners() {
  return useQuery<Partners, ApiFailure>({
    queryKey: partnersKey,
    queryFn: () => requestJson('/api/admin/partners', Partners),
  });
}

/** A change to one organisation; the answer is the organisation, which replaces it in the cached list. */
function useEapPartnerChange<V>(request: (variables: V) => [path: string, body?: unknown]) {
  const queryClient = useQueryClient();
  return useMutation<EapPartner, ApiFailure, V>({
    mutationFn: (variables) => {
      const [path, body] = request(variables);
      return requestJson(path, EapPartner, { method: 'POST', body });
    },
    onSuccess: (partner) => {
      queryClient.setQueryData<Partners>(partnersKey, (partners) => {
        if (!partners) return partners;
        const known = partners.eap.some((each) => each.id === partner.id);
        const eap = known ? partners.eap.map((each) => (each.id === partner.id ? partner : each)) : [...partners.eap, partner];
        return { ...partners, eap };
      });
      void queryClient.invalidateQueries({ queryKey: partnersKey });
    },
  });
}

export const useAddEapPartner = () => useEapPartnerChange((body: Checked<typeof EapPartnerInput>) => ['/api/admin/partners/eap', body]);

export const useAddEapCode = () =>
  useEapPartnerChange(({ partnerId, body }: { partnerId: string; body: Checked<typeof EapCodeInput> }) => [
    `${eapPath(partnerId)}/codes`,
    body,
  ]);

export const useDeactivateEapCode = () =>
  useEapPartnerChange(({ partnerId, code }: { partnerId: string; code: string }) => [
    `${eapPath(partnerId)}/codes/${encodeURIComponent(code)}/deactivate`,
  ]);

export function useAddHealthPlan() {
  const queryClient = useQueryClient();
  return useMutation<Partners, ApiFailure, Checked<typeof HealthPlanInput>>({
    mutationFn: (body) => requestJson('/api/admin/partners/health-plans', Partners, { method: 'POST', body }),
    onSuccess: (partners) => queryClient.setQueryData(partnersKey, partners),
  });
}

/** The direct (self-pay) plans on offer. */
export function usePlanCatalogue() {
  return useQuery<PlanCatalogue, ApiFailure>({
    queryKey: plansKey,
    queryFn: () => requestJson('/api/admin/plans', PlanCatalogue),
  });
}

export function useUpdatePlan() {
  const queryClient = useQueryClient();
  return useMutation<PlanCatalogue, ApiFailure, { plan: DirectPlan; body: Checked<typeof PlanOfferUpdate> }>({
    mutationFn: ({ plan, body }) => requestJson(`/api/admin/plans/${encodeURIComponent(plan)}`, PlanCatalogue, { method: 'PUT', body }),
    onSuccess: (catalogue) => queryClient.setQueryData(plansKey, catalogue),
  });
}

/** Clients whose name or email matches; every client (as the server limits them) when the search is empty. */
export function useClientList(q: string) {
  const search = q ? `?${new URLSearchParams({ q }).toString()}` : '';
  return useQuery<ClientList, ApiFailure>({
    queryKey: [...clientsKey, 'list', q],
    queryFn: () => requestJson(`/api/admin/clients${search}`, ClientList),
    placeholderData: (previous) => previous,
  });
}

/** One client's coverage, ledger entries and invoices. */
export function useClientLedger(clientId: string) {
  return useQuery<ClientLedger, ApiFailure>({
    queryKey: [...clientsKey, 'ledger', clientId],
    queryFn: () => requestJson(`/api/admin/clients/${encodeURIComponent(clientId)}/ledger`, ClientLedger),
  });
}
