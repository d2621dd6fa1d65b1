// Outcome-informed matching (PRODUCT §2.3): how clients like this one have fared with a provider.
// Each course of care is remembered by the concern the client named first, their PHQ-9 severity
// band at the start with this provider, and whether the PHQ-9 improved meaningfully
// (screeners/progress.ts). A past client is "like" this one when that concern is among this
// client's and they started within one band of where this client is now. A small sample says
// little, so the provider's rate is shrunk toward the rate of similar clients across the network
// (a beta prior worth PRIOR_WEIGHT clients): a provider with no similar clients scores exactly the
// prior, neither rewarded nor punished for being new. This only moves points within the fit; it
// never touches eligibility (hard-rules.ts).
import type { FocusArea } from '@haven/contract';
import type { MatchClient, MatchProvider } from './types.ts';

/** One course of care with a provider that has a measured result, as matching sees it: no names, no scores. */
export type PastOutcome = {
  /** The concern the client named first. */
  focusArea: FocusArea;
  /** PHQ-9 band rank (0 none–minimal … 4 severe) at the start of care with this provider. */
  startingBand: number;
  improved: boolean;
};

/** How many similar clients the prior counts as: below this, a provider's own record weighs less than the network's. */
export const PRIOR_WEIGHT = 8;
/** With no evidence anywhere, the midpoint. */
export const NEUTRAL_PRIOR = 0.5;
/** Said to the client only with at least this many similar clients and a good shrunk rate. */
export const MIN_SIMILAR_TO_MENTION = 5;
export const GOOD_SHRUNK_RATE = 0.65;
/** Band slots: 0–4 for a client whose band is known, 5 for one whose band is not (every band counts). */
export const BAND_SLOTS = 6;
export const UNKNOWN_BAND_SLOT = 5;

export type OutcomeEvidence = { similar: number; improved: number; score: number };

type ClientSide = Pick<MatchClient, 'focusAreas' | 'startingBand'>;

export function bandSlotOf(client: Pick<MatchClient, 'startingBand'>): number {
  const band = client.startingBand;
  return band === null || band === undefined || !Number.isInteger(band) || band < 0 || band > 4 ? UNKNOWN_BAND_SLOT : band;
}

/** The slots of clients a past outcome counts for: its own band and the two beside it, and the unknown-band slot. */
export function slotsCounting(outcome: PastOutcome): number[] {
  const slots = [UNKNOWN_BAND_SLOT];
  for (let band = 0; band <= 4; band += 1) if (Math.abs(band - outcome.startingBand) <= 1) slots.push(band);
  return slots;
}

export function isSimilar(client: ClientSide, outcome: PastOutcome): boolean {
  return client.focusAreas.includes(outcome.focusArea) && slotsCounting(outcome).includes(bandSlotOf(client));
}

/** The improvement rate shrunk toward the prior; every caller uses this one formula, so batch and instant agree exactly. */
export function shrunkRate(similar: number, improved: number, prior: number = NEUTRAL_PRIOR): number {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(prior) ? prior : NEUTRAL_PRIOR));
  return (improved + PRIOR_WEIGHT * clamped) / (similar + PRIOR_WEIGHT);
}

/** Counts the similar clients in `outcomes` and how many improved. */
export function countSimilar(client: ClientSide, outcomes: readonly PastOutcome[] = []): { similar: number; improved: number } {
  let similar = 0;
  let improved = 0;
  for (const outcome of outcomes) {
    if (!isSimilar(client, outcome)) continue;
    similar += 1;
    if (outcome.improved) improved += 1;
  }
  return { similar, improved };
}

/** The provider's shrunk improvement rate with clients like this one, 0..1. */
export function outcomeEvidence(client: ClientSide, outcomes: readonly PastOutcome[] = [], prior = NEUTRAL_PRIOR): OutcomeEvidence {
  const { similar, improved } = countSimilar(client, outcomes);
  return { similar, improved, score: shrunkRate(similar, improved, prior) };
}

export function mentionsGoodOutcomes(evidence: OutcomeEvidence): boolean {
  return evidence.similar >= MIN_SIMILAR_TO_MENTION && evidence.score >= GOOD_SHRUNK_RATE;
}

/** Counts of outcomes by concern and client band slot: [similar, improved] per slot. */
type Tally = Map<FocusArea, { similar: Int32Array; improved: Int32Array }>;

function tallyOf(providers: readonly MatchProvider[]): Tally {
  const tally: Tally = new Map();
  for (const provider of providers) {
    for (const outcome of provider.outcomes ?? []) {
      let counts = tally.get(outcome.focusArea);
      if (!counts) {
        counts = { similar: new Int32Array(BAND_SLOTS), improved: new Int32Array(BAND_SLOTS) };
        tally.set(outcome.focusArea, counts);
      }
      for (const slot of slotsCounting(outcome)) {
        counts.similar[slot]! += 1;
        if (outcome.improved) counts.improved[slot]! += 1;
      }
    }
  }
  return tally;
}

/** The prior for a client: the improvement rate of similar clients across these providers, else the midpoint. */
export function similarClientsRate(client: ClientSide, providers: readonly MatchProvider[]): number {
  return rateIn(tallyOf(providers), client);
}

function rateIn(tally: Tally, client: ClientSide): number {
  const slot = bandSlotOf(client);
  let similar = 0;
  let improved = 0;
  for (const area of new Set(client.focusAreas)) {
    const counts = tally.get(area);
    if (!counts) continue;
    similar += counts.similar[slot]!;
    improved += counts.improved[slot]!;
  }
  return similar === 0 ? NEUTRAL_PRIOR : improved / similar;
}

/** Each client with its prior (outcomePrior), counted once over every provider's outcomes. */
export function withOutcomePriors<C extends MatchClient>(clients: readonly C[], providers: readonly MatchProvider[]): C[] {
  if (!providers.some((provider) => (provider.outcomes?.length ?? 0) > 0)) return [...clients];
  const tally = tallyOf(providers);
  return clients.map((client) => ({ ...client, outcomePrior: rateIn(tally, client) }));
}
