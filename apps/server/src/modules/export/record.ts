// A client's record as it leaves Haven, gathered from the modules that hold each part, and the
// plain words both export formats use for its codes.
import type { LiveModality, LiveSession, LiveStatus, Message } from '@haven/contract';
import type { ScreenerBand } from '@haven/domain';
import type { Caller } from '../../caller.ts';
import {
  careTeamOf,
  clientProfileOf,
  screenerResultsOf,
  type CareTeamMember,
  type ClientProfile,
  type ScreenerResult,
} from '../care/record.service.ts';
import { signedNotesOfClient, type SignedProgressNote } from '../notes/notes.service.ts';
import { clientConversation } from '../room/record.ts';
import { sessionsOfClient } from '../sessions/record.service.ts';

export type ClientRecord = {
  generatedAt: Date;
  client: { userId: string; name: string; email: string; profile: ClientProfile | null };
  careTeam: CareTeamMember[];
  sessions: LiveSession[];
  screeners: ScreenerResult[];
  /** Signed progress notes only: never drafts, never psychotherapy notes. */
  notes: SignedProgressNote[];
  messages: Message[];
};

/** Everything of the signed-in client's record that is theirs to take. */
export async function gatherRecord({ db, deps, user, now }: Caller): Promise<ClientRecord> {
  const { sealer } = deps;
  const profile = await clientProfileOf(db, sealer, user.id);
  const clientId = profile?.clientId;
  const [careTeam, sessions, screeners, notes, messages] = clientId
    ? await Promise.all([
        careTeamOf(db, clientId),
        sessionsOfClient(db, sealer, clientId, now),
        screenerResultsOf(db, sealer, clientId),
        signedNotesOfClient(db, sealer, clientId),
        clientConversation(db, sealer, user.id),
      ])
    : [[], [], [], [], []];
  return {
    generatedAt: now,
    client: { userId: user.id, name: user.preferred_name, email: user.email, profile },
    careTeam,
    sessions,
    screeners,
    notes,
    messages,
  };
}

/** Each provider once, in the order they first cared for the client. */
export function practitionersOf(record: ClientRecord): CareTeamMember[] {
  const seen = new Map<string, CareTeamMember>();
  for (const member of record.careTeam) if (!seen.has(member.providerId)) seen.set(member.providerId, member);
  return [...seen.values()];
}

export const providerNameOf = (member: Pick<CareTeamMember, 'firstName' | 'lastName'>) => `${member.firstName} ${member.lastName}`.trim();

export const instrumentNames = { phq9: 'PHQ-9 (depression)', gad7: 'GAD-7 (anxiety)' } as const;

export const bandNames: Record<ScreenerBand, string> = {
  none_minimal: 'None to minimal',
  minimal: 'Minimal',
  mild: 'Mild',
  moderate: 'Moderate',
  moderately_severe: 'Moderately severe',
  severe: 'Severe',
};

export const modalityNames: Record<LiveModality, string> = { video: 'Video', audio: 'Audio', chat: 'Chat' };

export const statusNames: Record<LiveStatus, string> = {
  requested: 'Requested',
  booked: 'Booked',
  cancelled: 'Cancelled',
  completed: 'Completed',
};

export const noteFieldNames = {
  presentation: 'Presentation',
  interventions: 'Interventions',
  plan: 'Plan',
  risk: 'Risk and safety',
} as const;

/** A signed note as plain text: its fields, what was billed, the signature, then each amendment. */
export function noteText(note: SignedProgressNote): string {
  const parts = (Object.keys(noteFieldNames) as Array<keyof typeof noteFieldNames>).map(
    (field) => `${noteFieldNames[field]}:\n${note.fields[field] || '—'}`,
  );
  parts.push(`Psychotherapy minutes: ${note.minutes}${note.cptCode ? ` (CPT ${note.cptCode})` : ''}`);
  parts.push(`Signed by ${note.signature} on ${note.signedAt.toISOString()}`);
  for (const amendment of note.amendments)
    parts.push(
      `Amendment, signed by ${amendment.signature} on ${amendment.signedAt.toISOString()}:\n${amendment.text}\nReason: ${amendment.reason}`,
    );
  return parts.join('\n\n');
}
