// The bridge between stored rows and the pure matching engine in @haven/domain, and the one place
// a match is written: under the provider's row lock, re-checking their room, so concurrent
// matches can never take more places than a provider has.
import type { IntakeAnswers, Modality, UsStateCode } from '@haven/contract';
import {
  bandRank,
  fitScore,
  isEligible,
  offeredTimesOfDay,
  scorePhq9,
  withOutcomePriors,
  type MatchClient,
  type MatchProvider,
  type Reason,
} from '@haven/domain';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { recordEvent } from '../../platform/events/domain-events.ts';
import type { MatchRouteName, StoredWindow } from '../../platform/db/schema.ts';
import type { CompleteIntake } from './intake.service.ts';
import * as repo from './care.repository.ts';
import * as queueRepo from './queue.repository.ts';

/** What the client's plan needs a provider to offer: a direct plan decides; otherwise their preference does. */
export function neededModalities(preferences: CompleteIntake['preferences'], coverage?: IntakeAnswers['coverage']): Modality[] {
  const live = preferences.liveModality ?? 'video';
  const format =
    coverage?.kind === 'direct' ? { messaging: 'messaging', live: 'live', messaging_live: 'both' }[coverage.plan] : preferences.careFormat;
  if (format === 'messaging') return ['messaging'];
  return format === 'live' ? [live] : ['messaging', live];
}

/** What matching needs of an intake, finished or not. */
export type MatchableIntake = Pick<
  CompleteIntake,
  'state' | 'timeZone' | 'requiredLanguages' | 'preferredLanguages' | 'focusAreas' | 'preferences'
> & {
  coverage?: IntakeAnswers['coverage'];
  phq9?: IntakeAnswers['phq9'];
};

/** The PHQ-9 band rank (0–4) of an intake's answers, when it has them: what outcome-informed matching compares. */
export function severityBandOf(intake: Pick<MatchableIntake, 'phq9'>): number | null {
  return intake.phq9 ? bandRank(scorePhq9(intake.phq9.items).total, 'phq9') : null;
}

export function matchClientFromIntake(clientId: string, intake: MatchableIntake, waitingSince?: Date): MatchClient {
  return {
    id: clientId,
    state: intake.state,
    requiredLanguages: intake.requiredLanguages,
    preferredLanguages: intake.preferredLanguages,
    coverage: intake.coverage?.kind ?? 'direct',
    neededModalities: neededModalities(intake.preferences, intake.coverage),
    focusAreas: intake.focusAreas,
    preferences: {
      providerGender: intake.preferences.providerGender,
      approaches: intake.preferences.approaches,
      preferredTimes: intake.preferences.preferredTimes,
    },
    startingBand: severityBandOf(intake),
    ...(waitingSince ? { waitingSince } : {}),
  };
}

export function matchClientOf(row: repo.ClientRow, waitingSince?: Date): MatchClient {
  return {
    id: row.id,
    state: row.state as UsStateCode,
    requiredLanguages: row.required_languages,
    preferredLanguages: row.preferred_languages,
    coverage: row.coverage,
    neededModalities: row.needed_modalities,
    focusAreas: row.focus_areas,
    preferences: {
      providerGender: row.provider_gender,
      approaches: row.approaches,
      preferredTimes: row.preferred_times,
    },
    startingBand: row.severity_band,
    ...(waitingSince ? { waitingSince } : {}),
  };
}

/**
 * A provider as the engine sees them. Their weekly hours are read in the client's time zone when
 * one is given (instant matching); the batch, which weighs many clients at once, reads them in the
 * provider's own zone.
 */
export function matchProviderOf(row: repo.CandidateRow, clientZone: string | null, today: string): MatchProvider {
  const zone = row.time_zone;
  return {
    id: row.id,
    active: row.status === 'active',
    licensedStates: row.licensed_states as UsStateCode[],
    languages: row.languages,
    coverage: row.coverage,
    modalities: row.modalities,
    capacity: row.capacity ?? 0,
    activeClients: row.load,
    focusAreas: row.focus_areas,
    approaches: row.approaches,
    gender: row.gender,
    offeredTimes: zone ? offeredTimesOfDay(row.weekly_availability as StoredWeekly, zone, clientZone ?? zone, today) : [],
    outcomes: row.outcomes.map(([focusArea, startingBand, improved]) => ({
      focusArea: focusArea as MatchProvider['focusAreas'][number],
      startingBand,
      improved,
    })),
  };
}
type StoredWeekly = Parameters<typeof offeredTimesOfDay>[0] & StoredWindow[];

export type Ranked = { provider: repo.CandidateRow; score: number; reasons: Reason[] };

/** Every eligible provider, best fit first (equal fits by id, so reruns agree). */
export function rankEligible(
  client: MatchClient,
  rows: repo.CandidateRow[],
  clientZone: string | null,
  today: string,
  exclude: ReadonlySet<string> = new Set(),
): Ranked[] {
  const ranked: Ranked[] = [];
  const providers = rows.map((row) => matchProviderOf(row, clientZone, today));
  // Small samples shrink toward how clients like this one fared with every candidate.
  const [withPrior] = withOutcomePriors([client], providers);
  rows.forEach((row, i) => {
    const provider = providers[i]!;
    if (exclude.has(row.id) || !isEligible(client, provider)) return;
    ranked.push({ provider: row, ...fitScore(withPrior!, provider) });
  });
  return ranked.sort((a, b) => b.score - a.score || (a.provider.id < b.provider.id ? -1 : 1));
}

export type NewAssignment = {
  clientId: string;
  providerId: string;
  route: MatchRouteName;
  score: number;
  reasons: Reason[];
  waitingSince: Date;
  mayReadEarlier: boolean;
  /** The assignment this one replaces, ended in the same transaction. */
  replaces?: { id: string; reason: 'switch' | 'provider_left'; noteSealed?: string | null } | undefined;
};

/**
 * Writes a match in the caller's transaction, or returns null when the provider stopped being
 * active or filled up since the candidates were read (the caller tries the next one).
 */
export async function assign(trx: Db, actor: Actor, match: NewAssignment, now = new Date()): Promise<repo.AssignmentRow | null> {
  const provider = await repo.lockProviderLoad(trx, match.providerId);
  if (!provider || provider.status !== 'active' || provider.load >= (provider.capacity ?? 0)) return null;
  if (match.replaces)
    await repo.endAssignment(trx, match.replaces.id, {
      at: now,
      reason: match.replaces.reason,
      noteSealed: match.replaces.noteSealed ?? null,
    });
  const roomId = await repo.ensureRoom(trx, match.clientId);
  const assignment = await repo.insertAssignment(trx, {
    client_id: match.clientId,
    provider_id: match.providerId,
    room_id: roomId,
    route: match.route,
    score: match.score,
    reasons: JSON.stringify(match.reasons),
    waiting_since: match.waitingSince,
    started_at: now,
    may_read_earlier: match.mayReadEarlier,
  });
  await queueRepo.dequeue(trx, match.clientId);
  await recordAudit(trx, {
    actor,
    action: 'care.assigned',
    subject: { type: 'client', id: match.clientId },
    detail: { providerId: match.providerId, route: match.route, replaces: match.replaces?.id ?? null },
  });
  await recordEvent(trx, {
    type: 'assignment.started',
    payload: {
      clientId: match.clientId,
      providerId: match.providerId,
      route: match.route,
      replaced: match.replaces ? { assignmentId: match.replaces.id, reason: match.replaces.reason } : null,
    },
  });
  return assignment;
}

/** Tries the ranked providers in order until one still has room. */
export async function assignBest(
  trx: Db,
  actor: Actor,
  ranked: Ranked[],
  match: Omit<NewAssignment, 'providerId' | 'score' | 'reasons'>,
  now = new Date(),
) {
  for (const candidate of ranked) {
    const assignment = await assign(
      trx,
      actor,
      { ...match, providerId: candidate.provider.id, score: candidate.score, reasons: candidate.reasons },
      now,
    );
    if (assignment) return assignment;
  }
  return null;
}
