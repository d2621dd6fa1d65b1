import { PublicProviderProfile, Slots } from '@haven/contract';
import { useQuery } from '@tanstack/react-query';
import { requestJson, type ApiFailure } from './client.ts';

/** Everything cached about one provider as others see them: profile, open slots. */
export const providerQueryKey = (providerId: string) => ['providers', providerId] as const;

export function usePublicProfile(providerId: string) {
  return useQuery<PublicProviderProfile, ApiFailure>({
    queryKey: providerQueryKey(providerId),
    queryFn: () => requestJson(`/api/providers/${encodeURIComponent(providerId)}`, PublicProviderProfile),
    retry: (failures, error) => error.code === 'unavailable' && failures < 2,
  });
}

export type SlotsWindow = { from: string; to: string; length: number };

export function useSlots(providerId: string, { from, to, length }: SlotsWindow) {
  const query = new URLSearchParams({ from, to, length: String(length) });
  return useQuery<Slots, ApiFailure>({
    queryKey: [...providerQueryKey(providerId), 'slots', from, to, length],
    queryFn: () => requestJson(`/api/providers/${encodeURIComponent(providerId)}/slots?${query}`, Slots),
  });
}
