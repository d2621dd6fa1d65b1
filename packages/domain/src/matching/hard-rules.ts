// The rules no amount of fit can outweigh (PRODUCT §2.3): a provider who breaks any of them is
// never offered, whether matching is instant, batched or a client's request by name.
import type { HardRule, MatchClient, MatchProvider } from './types.ts';

export function hasRoom(provider: MatchProvider): boolean {
  return provider.activeClients < provider.capacity;
}

/** Each rule, in the order failures are reported, with the test it must pass. */
const RULES: ReadonlyArray<readonly [HardRule, (client: MatchClient, provider: MatchProvider) => boolean]> = [
  ['inactive', (_, provider) => provider.active],
  ['not_licensed_in_state', (client, provider) => provider.licensedStates.includes(client.state)],
  ['language', (client, provider) => client.requiredLanguages.every((language) => provider.languages.includes(language))],
  ['coverage', (client, provider) => provider.coverage.includes(client.coverage)],
  ['modality', (client, provider) => client.neededModalities.every((modality) => provider.modalities.includes(modality))],
  ['no_capacity', (_, provider) => hasRoom(provider)],
];

/** Every hard rule the pair breaks, in a fixed order; empty means the provider is eligible. */
export function hardRuleFailures(client: MatchClient, provider: MatchProvider): HardRule[] {
  return RULES.filter(([, passes]) => !passes(client, provider)).map(([rule]) => rule);
}

export function isEligible(client: MatchClient, provider: MatchProvider): boolean {
  return RULES.every(([, passes]) => passes(client, provider));
}
