// How well a provider suits a client, as an integer from 0 to 1000 so that batch assignment can
// optimise the total exactly. Each part earns the share of what the client asked for that the
// provider meets; a wish the client did not state is met by everyone, so a client who asks for
// less is not ranked below one who asks for more when capacity is short.
import { hasRoom } from './hard-rules.ts';
import { mentionsGoodOutcomes, outcomeEvidence, type OutcomeEvidence } from './outcomes.ts';
import type { FitScore, MatchClient, MatchProvider, Reason } from './types.ts';

/** Focus-area expertise weighs most; the parts add up to 1000. */
export const FIT_WEIGHTS = {
  focus: 400,
  gender: 100,
  approaches: 100,
  preferredLanguages: 80,
  times: 120,
  load: 120,
  outcomes: 80,
} as const;
export const MAX_FIT = 1000;

/** A caseload at or under half of capacity is worth mentioning to the client. */
const LIGHT_CASELOAD = 0.5;

/** Points for meeting `matched` of `wanted` wishes. */
export function sharePoints(weight: number, matched: number, wanted: number): number {
  return wanted === 0 ? weight : Math.round((weight * matched) / wanted);
}

/** The part of the fit that depends on the provider alone: a lighter caseload scores higher so work is spread fairly. */
export function providerPoints(provider: MatchProvider): number {
  const freeShare = provider.capacity > 0 ? 1 - provider.activeClients / provider.capacity : 0;
  return Math.round(FIT_WEIGHTS.load * Math.min(1, Math.max(0, freeShare)));
}

/** Points for how clients like this one fared with the provider (outcomes.ts): the prior alone for a new provider. */
export function outcomePoints(evidence: OutcomeEvidence): number {
  return Math.round(FIT_WEIGHTS.outcomes * evidence.score);
}

/**
 * The part that depends on the pair, from counts of matched and wanted wishes. Batch matching
 * (matching-index.ts) counts with bit masks and adds up the same `sharePoints`.
 */
export function pairPoints(
  focusMatched: number,
  focusWanted: number,
  genderMatched: number,
  genderWanted: number,
  approachesMatched: number,
  approachesWanted: number,
  languagesMatched: number,
  languagesWanted: number,
  timesMatched: number,
  timesWanted: number,
): number {
  return (
    sharePoints(FIT_WEIGHTS.focus, focusMatched, focusWanted) +
    sharePoints(FIT_WEIGHTS.gender, genderMatched, genderWanted) +
    sharePoints(FIT_WEIGHTS.approaches, approachesMatched, approachesWanted) +
    sharePoints(FIT_WEIGHTS.preferredLanguages, languagesMatched, languagesWanted) +
    sharePoints(FIT_WEIGHTS.times, timesMatched, timesWanted)
  );
}

export const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const within = <T>(wanted: readonly T[], offered: readonly T[]): T[] => wanted.filter((value) => offered.includes(value));

export function fitScore(client: MatchClient, provider: MatchProvider): FitScore {
  const focus = unique(client.focusAreas);
  const approaches = unique(client.preferences.approaches ?? []);
  const preferredLanguages = unique(client.preferredLanguages);
  const times = unique(client.preferences.preferredTimes ?? []);
  const gender = client.preferences.providerGender ?? null;

  const focusMet = within(focus, provider.focusAreas);
  const approachesMet = within(approaches, provider.approaches);
  const languagesMet = within(preferredLanguages, provider.languages);
  const timesMet = within(times, provider.offeredTimes);
  const genderMet = gender !== null && provider.gender === gender;
  const evidence = outcomeEvidence(client, provider.outcomes, client.outcomePrior);

  const score =
    pairPoints(
      focusMet.length,
      focus.length,
      genderMet ? 1 : 0,
      gender === null ? 0 : 1,
      approachesMet.length,
      approaches.length,
      languagesMet.length,
      preferredLanguages.length,
      timesMet.length,
      times.length,
    ) +
    providerPoints(provider) +
    outcomePoints(evidence);

  const reasons: Reason[] = [];
  if (provider.licensedStates.includes(client.state)) reasons.push({ kind: 'licensed_in', state: client.state });
  for (const language of within(unique([...client.requiredLanguages, ...preferredLanguages]), provider.languages)) {
    reasons.push({ kind: 'speaks', language });
  }
  if (focusMet.length > 0) reasons.push({ kind: 'focus', areas: focusMet });
  if (genderMet) reasons.push({ kind: 'gender', gender });
  if (approachesMet.length > 0) reasons.push({ kind: 'approach', approaches: approachesMet });
  if (timesMet.length > 0) reasons.push({ kind: 'times', times: timesMet });
  if (hasRoom(provider) && provider.activeClients <= provider.capacity * LIGHT_CASELOAD) reasons.push({ kind: 'light_caseload' });
  if (mentionsGoodOutcomes(evidence)) reasons.push({ kind: 'good_outcomes', improved: evidence.improved, similar: evidence.similar });
  return { score, reasons };
}
