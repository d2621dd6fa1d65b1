// A client's care page from its rows: the current match, the queue, earlier providers, upcoming
// sessions and notices, as the contract's `CareState`. No row leaves the module unpresented.
import type { CareState, MatchReason } from '@haven/contract';
import { isFreeChange } from '@haven/domain';
import type * as repo from './care.repository.ts';

type Current = NonNullable<CareState['current']>;

/** Everything the care page is made of, read by the service. */
export type CareParts = {
  roomId: string | null;
  current: { row: repo.AssignmentRow; profile: Current['provider'] } | null;
  queue: CareState['queue'];
  assignments: repo.AssignmentRow[];
  /** Provider names by provider id, for earlier assignments. */
  names: ReadonlyMap<string, string>;
  sessions: repo.SessionRow[];
  notices: Awaited<ReturnType<typeof repo.noticesOf>>;
};

export function presentCareState(client: repo.ClientRow, parts: CareParts, now: Date): CareState {
  const { current, assignments, names } = parts;
  return {
    intakeSubmitted: client.submitted_at !== null,
    roomId: parts.roomId,
    current: current ? presentCurrent(current.row, current.profile) : null,
    queue: parts.queue,
    previous: assignments
      .filter((a) => a.ended_at !== null)
      .map((a) => ({
        assignmentId: a.id,
        providerName: names.get(a.provider_id) ?? '',
        from: a.started_at.toISOString(),
        to: (a.ended_at as Date).toISOString(),
        endReason: a.end_reason ?? 'switch',
      })),
    sessions: parts.sessions.map((s) => ({
      id: s.id,
      providerId: s.provider_id,
      startsAt: new Date(s.starts_at).toISOString(),
      endsAt: new Date(s.ends_at).toISOString(),
      modality: s.modality,
      costCents: s.cost_cents,
      freeCancellation: isFreeChange(s.starts_at, now),
    })),
    notices: parts.notices.map((n) => ({ id: n.id, kind: n.kind, at: n.at.toISOString(), providerName: n.provider_name })),
  };
}

function presentCurrent(row: repo.AssignmentRow, profile: Current['provider']): Current {
  return {
    assignmentId: row.id,
    provider: profile,
    reasons: row.reasons as MatchReason[],
    since: row.started_at.toISOString(),
    route: row.route,
    mayReadEarlierConversation: row.may_read_earlier,
  };
}
