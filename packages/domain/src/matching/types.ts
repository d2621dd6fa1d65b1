// What the matching rules see of a client and of a provider. The caller (the server) builds these
// from the database: licences are already narrowed to verified, unexpired ones, and offered times
// are already derived from the provider's weekly availability, so the rules here stay pure.
import type { PastOutcome } from './outcomes.ts';
import type { CoverageKind, FocusArea, Gender, Modality, TherapyApproach, UsStateCode } from '@haven/contract';

export type TimeOfDay = 'morning' | 'afternoon' | 'evening' | 'weekend';

export type MatchClient = {
  id: string;
  state: UsStateCode;
  requiredLanguages: string[];
  preferredLanguages: string[];
  coverage: CoverageKind;
  /** What the plan needs, e.g. ['messaging'] or ['video']. */
  neededModalities: Modality[];
  focusAreas: FocusArea[];
  preferences: {
    providerGender?: Gender | null;
    approaches?: TherapyApproach[];
    preferredTimes?: TimeOfDay[];
  };
  waitingSince?: Date;
  /** PHQ-9 band rank (0 none–minimal … 4 severe) now, when known: outcomes of similar clients count. */
  startingBand?: number | null;
  /** The improvement rate of similar clients across the network, toward which small samples shrink (outcomes.ts). */
  outcomePrior?: number;
};

export type MatchProvider = {
  id: string;
  active: boolean;
  /** Verified and unexpired only, already filtered by the caller. */
  licensedStates: UsStateCode[];
  languages: string[];
  coverage: CoverageKind[];
  modalities: Modality[];
  capacity: number;
  activeClients: number;
  focusAreas: FocusArea[];
  approaches: TherapyApproach[];
  gender: Gender | null;
  /** Derived by the caller from availability. */
  offeredTimes: TimeOfDay[];
  /** Each course of care with this provider that has a measured result (outcomes.ts). */
  outcomes?: readonly PastOutcome[];
};

/** A hard rule the pair breaks; a provider is eligible for a client when there are none. */
export type HardRule = 'inactive' | 'not_licensed_in_state' | 'language' | 'coverage' | 'modality' | 'no_capacity';

/** Why a provider was suggested, as data: the web words it in the client's language. */
export type Reason =
  | { kind: 'licensed_in'; state: UsStateCode }
  | { kind: 'speaks'; language: string }
  | { kind: 'focus'; areas: FocusArea[] }
  | { kind: 'gender'; gender: Gender }
  | { kind: 'approach'; approaches: TherapyApproach[] }
  | { kind: 'times'; times: TimeOfDay[] }
  | { kind: 'light_caseload' }
  | { kind: 'good_outcomes'; improved: number; similar: number };

export type FitScore = { score: number; reasons: Reason[] };
export type Match = { providerId: string; score: number; reasons: Reason[] };
export type Assignment = { clientId: string; providerId: string; score: number };
export type BatchResult = { assignments: Assignment[]; unassigned: string[] };
