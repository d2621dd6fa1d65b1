// A client's record as a FHIR R4 Bundle of type `collection`: the Patient, the care team
// (Practitioner, CareTeam), an Encounter per live session, an Observation per PHQ-9 and GAD-7 total,
// a DocumentReference per signed progress note, and a Communication per room message. Each entry's
// fullUrl is `urn:uuid:<id>`, and references point at those, so the file stands on its own.
import { randomUUID } from 'node:crypto';
import type { LiveSession, Message } from '@haven/contract';
import type {
  Bundle,
  BundleEntry,
  CareTeam,
  Communication,
  DocumentReference,
  Encounter,
  Observation,
  Patient,
  Practitioner,
  Reference,
  Resource,
  ResourceType,
  ExtractResource,
} from '@medplum/fhirtypes';
import type { CareTeamMember, ScreenerResult } from '../care/record.service.ts';
import type { SignedProgressNote } from '../notes/notes.service.ts';
import { bandNames, modalityNames, noteText, practitionersOf, providerNameOf, type ClientRecord } from './record.ts';

const LOINC = 'http://loinc.org';
/** A reference to another entry of the Bundle, by its fullUrl, naming the type it points at. */
const ref = <K extends ResourceType>(type: K, id: string, display?: string): Reference<ExtractResource<K>> => ({
  reference: `urn:uuid:${id}`,
  type,
  ...(display ? { display } : {}),
});
const instant = (at: Date | string) => new Date(at).toISOString();

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

function patientOf(record: ClientRecord, id: string): Patient {
  const { client } = record;
  const profile = client.profile;
  return {
    resourceType: 'Patient',
    id,
    active: true,
    name: [{ use: 'usual', text: client.name, given: [client.name] }],
    telecom: [{ system: 'email', value: client.email }],
    ...(profile?.dateOfBirth ? { birthDate: profile.dateOfBirth } : {}),
    ...(profile?.state ? { address: [{ use: 'home', state: profile.state, country: 'US' }] } : {}),
    ...(profile?.languages.length
      ? {
          communication: profile.languages.map(({ code, required }) => ({
            language: { coding: [{ system: 'urn:ietf:bcp:47', code }], text: languageNames.of(code) ?? code },
            preferred: required,
          })),
        }
      : {}),
  };
}

function practitionerOf(member: CareTeamMember): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: member.providerId,
    name: [{ text: providerNameOf(member), family: member.lastName, given: [member.firstName] }],
    ...(member.npi ? { identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: member.npi }] } : {}),
    ...(member.credentials.length ? { qualification: member.credentials.map((credential) => ({ code: { text: credential } })) } : {}),
  };
}

function careTeamOf(record: ClientRecord, patientId: string): CareTeam {
  return {
    resourceType: 'CareTeam',
    id: randomUUID(),
    status: record.careTeam.some((m) => m.endedAt === null) ? 'active' : 'inactive',
    name: 'Haven care team',
    subject: ref('Patient', patientId, record.client.name),
    participant: record.careTeam.map((member) => ({
      member: ref('Practitioner', member.providerId, providerNameOf(member)),
      period: { start: instant(member.startedAt), ...(member.endedAt ? { end: instant(member.endedAt) } : {}) },
    })),
  };
}

function encounterStatus(session: LiveSession): Encounter['status'] {
  if (session.status === 'cancelled') return 'cancelled';
  if (session.status === 'completed') return 'finished';
  if (session.endedAt) return 'finished';
  if (session.clientJoinedAt || session.providerJoinedAt) return 'in-progress';
  return 'planned';
}

function encounterOf(session: LiveSession, patientId: string): Encounter {
  const modality = modalityNames[session.currentModality];
  return {
    resourceType: 'Encounter',
    id: session.id,
    status: encounterStatus(session),
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR', display: 'virtual' },
    type: [{ text: `${modality} session` }],
    serviceType: { text: 'Psychotherapy' },
    subject: ref('Patient', patientId, session.clientName),
    participant: [{ individual: ref('Practitioner', session.providerId, session.providerName) }],
    period: { start: instant(session.startsAt), end: instant(session.endedAt ?? session.endsAt) },
    length: { value: session.lengthMinutes, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' },
  };
}

const screenerCodes = {
  phq9: { code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]', text: 'PHQ-9 total score' },
  gad7: { code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]', text: 'GAD-7 total score' },
} as const;

function observationOf(result: ScreenerResult, patientId: string): Observation {
  const { code, display, text } = screenerCodes[result.instrument];
  return {
    resourceType: 'Observation',
    id: result.id,
    status: 'final',
    category: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }],
      },
    ],
    code: { coding: [{ system: LOINC, code, display }], text },
    subject: ref('Patient', patientId),
    effectiveDateTime: instant(result.takenAt),
    issued: instant(result.takenAt),
    valueQuantity: { value: result.total, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
    interpretation: [{ text: bandNames[result.band] }],
  };
}

function documentOf(note: SignedProgressNote, patientId: string, author: CareTeamMember | undefined): DocumentReference {
  const text = noteText(note);
  const authorRef = ref('Practitioner', note.providerId, author ? providerNameOf(author) : note.signature);
  return {
    resourceType: 'DocumentReference',
    id: note.id,
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ system: LOINC, code: '11506-3', display: 'Progress note' }], text: 'Progress note' },
    subject: ref('Patient', patientId),
    date: instant(note.signedAt),
    author: [authorRef],
    authenticator: authorRef,
    description: 'Signed progress note of a live session',
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          language: 'en',
          data: Buffer.from(text, 'utf8').toString('base64'),
          size: Buffer.byteLength(text, 'utf8'),
          title: 'Progress note',
          creation: instant(note.signedAt),
        },
      },
    ],
    context: { encounter: [ref('Encounter', note.sessionId)] },
  };
}

function communicationOf(
  message: Message,
  patient: Reference<Patient>,
  providerOfUser: ReadonlyMap<string, Reference<Practitioner>>,
  sessionIds: ReadonlySet<string>,
  publicUrl: string,
): Communication {
  const fromClient = message.senderRole === 'client';
  const provider: Reference<Practitioner> = providerOfUser.get(message.senderId) ?? { display: message.senderName };
  const sender = fromClient ? patient : provider;
  const attachment = message.attachment;
  return {
    resourceType: 'Communication',
    id: message.id,
    status: 'completed',
    subject: patient,
    sender,
    ...(fromClient ? {} : { recipient: [patient] }),
    sent: instant(message.sentAt),
    ...(message.liveSessionId && sessionIds.has(message.liveSessionId) ? { encounter: ref('Encounter', message.liveSessionId) } : {}),
    payload: attachment
      ? [
          {
            contentAttachment: {
              contentType: attachment.contentType,
              size: attachment.size,
              url: new URL(attachment.url, publicUrl).toString(),
              title: attachment.filename ?? `${message.kind} message`,
              creation: instant(message.sentAt),
            },
          },
        ]
      : [{ contentString: message.text ?? '' }],
  };
}

/** The record as a Bundle; `publicUrl` makes attachment links absolute. */
export function recordBundle(record: ClientRecord, publicUrl: string): Bundle {
  const patientId = record.client.profile?.clientId ?? record.client.userId;
  const patient = ref('Patient', patientId, record.client.name);
  const practitioners = practitionersOf(record);
  const providerOfUser = new Map(
    practitioners.flatMap((m) => (m.userId ? [[m.userId, ref('Practitioner', m.providerId, providerNameOf(m))] as const] : [])),
  );
  const byProvider = new Map(practitioners.map((m) => [m.providerId, m]));
  const sessionIds = new Set(record.sessions.map((s) => s.id));
  // A session's provider is on the care team; one who is not (an old booking) is still named.
  const unlisted = new Map(
    record.sessions.filter((s) => !byProvider.has(s.providerId)).map((s) => [s.providerId, s.providerName] as const),
  );
  const resources: Resource[] = [
    patientOf(record, patientId),
    ...practitioners.map(practitionerOf),
    ...[...unlisted].map(([id, name]): Practitioner => ({ resourceType: 'Practitioner', id, name: [{ text: name }] })),
    ...(record.careTeam.length ? [careTeamOf(record, patientId)] : []),
    ...record.sessions.map((s) => encounterOf(s, patientId)),
    ...record.screeners.map((r) => observationOf(r, patientId)),
    ...record.notes.map((n) => documentOf(n, patientId, byProvider.get(n.providerId))),
    ...record.messages.map((m) => communicationOf(m, patient, providerOfUser, sessionIds, publicUrl)),
  ];
  const entry: BundleEntry[] = resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id!}`, resource }));
  return {
    resourceType: 'Bundle',
    type: 'collection',
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${randomUUID()}` },
    timestamp: instant(record.generatedAt),
    meta: { lastUpdated: instant(record.generatedAt) },
    entry,
  };
}
