// The rules no amount of fit can outweigh (PRODUCT §2.3): a provider who breaks any of them is
// never offered, whether matching is instant, batched or a client's request by name.
import type { HardRule, MatchClient, MatchProvider } from './types.ts';

export function hasRoom(provider: MatchProvider): boolean {
  return provider.activeClients < provider.capacity;
}

/** Every hard rule the pair breaks, in a fixed order; empty means the provider is eligible. */
export function hardRuleFailures(client: MatchClient, provider: MatchProvider): HardRule[] {
  const failures: HardRule[] = [];
  if (!provider.active) failures.push('inactive');
  if (!provider.licensedStates.includes(client.state)) failures.push('not_licensed_in_state');
  if (!client.requiredLanguages.every((language) => provider.languages.includes(language))) failures.push('language');
  if (!provider.coverage.includes(client.coverage)) failures.push('coverage');
  if (!client.neededModalities.every((modality) => provider.modalities.includes(modality))) failures.push('modality');
  if (!hasRoom(provider)) failures.push('no_capacity');
  return failures;
}

export function isEligible(client: MatchClient, provider: MatchProvider): boolean {
  return hardRuleFailures(client, provider).length === 0;
}
