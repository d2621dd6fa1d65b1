import { randomUUID } from 'node:crypto';
import type { ProgressNoteDraft } from '@haven/contract';
import type { Bundle, Communication, DocumentReference, Encounter, Observation, Patient, Practitioner, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { aMatchedClient } from '../../testing/clients.ts';
import { r4Validator, requiredCodeIssues, unresolvedIssues, type ValidateResource } from '../../testing/fhir.ts';
import { useTestApp } from '../../testing/harness.ts';
import { insertLiveSession } from '../../testing/live-sessions.ts';
import { insertProvider, signInAsProvider } from '../../testing/network.ts';

const haven = useTestApp();
const FHIR = '/api/account/export.fhir.json';
const HTML = '/api/account/export.html';

let validateResource: ValidateResource;
beforeAll(async () => {
  validateResource = await r4Validator();
});

const aDraft = (marker: string): ProgressNoteDraft => ({
  presentation: `Client presented calm; ${marker}-progress.`,
  interventions: 'Behavioural activation planning.',
  plan: 'Two pleasant activities before next session.',
  risk: 'Denies suicidal ideation.',
  minutes: 50,
  cptCode: '90834',
});

/** A client in Texas matched with Ana Díaz, with messages, a file, a session, a signed note and a psychotherapy note. */
async function aClientWithARecord() {
  const marker = randomUUID().slice(0, 8);
  const providerRow = await insertProvider(haven.db, { firstName: 'Ana', lastName: `Díaz-${marker}`, states: ['TX'] });
  const provider = await signInAsProvider(haven.app, providerRow.id);
  const client = await aMatchedClient(
    haven,
    { state: 'TX', phq9: { items: [2, 2, 1, 1, 1, 1, 1, 1, 0], difficulty: 1 }, gad7: { items: [1, 1, 1, 1, 1, 1, 0] } },
    { expectProvider: providerRow.id, signUp: { preferredName: `Jordan <b>${marker}</b>` } },
  );
  const say = async (cookie: string, text: string) => {
    const sent = await haven.as(cookie).post(`/api/rooms/${client.roomId}/messages`, { clientMessageId: randomUUID(), text });
    expect(sent.statusCode, sent.body).toBe(201);
  };
  await say(client.cookie, `I slept badly again & <script>alert(1)</script> ${marker}-client`);
  await say(provider, `Thank you for telling me. ${marker}-provider`);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const uploaded = await haven
    .as(client.cookie)
    .post(`/api/rooms/${client.roomId}/uploads?clientMessageId=${randomUUID()}&kind=file&filename=sleep-diary.png`, png, {
      'content-type': 'image/png',
    });
  expect(uploaded.statusCode, uploaded.body).toBe(201);

  const { id: clientId } = await haven.db.selectFrom('clients').select('id').where('user_id', '=', client.userId).executeTakeFirstOrThrow();
  const sessionId = await insertLiveSession(haven.db, {
    clientId,
    providerId: providerRow.id,
    roomId: client.roomId,
    startsAt: new Date(Date.now() - 90 * 60_000),
  });
  const note = (rest = '') => `/api/provider/sessions/${sessionId}/note${rest}`;
  const signed = await haven.as(provider).post(note('/sign'), aDraft(marker));
  expect(signed.statusCode, signed.body).toBe(200);
  const amended = await haven.as(provider).post(note('/amendments'), { text: `Late entry ${marker}-amendment`, reason: 'Omitted' });
  expect(amended.statusCode, amended.body).toBe(200);
  const secret = `${marker}-PSYCHOTHERAPY-ONLY`;
  const saved = await haven.as(provider).put(`/api/provider/sessions/${sessionId}/psychotherapy-note`, { text: `Hypothesis: ${secret}` });
  expect(saved.statusCode, saved.body).toBe(200);
  return { ...client, marker, secret, sessionId, provider, providerId: providerRow.id, clientId };
}

const resourcesOf = <T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] =>
  (bundle.entry ?? []).map((e) => e.resource!).filter((r): r is T => r.resourceType === type);

describe('a client downloading their record', () => {
  it('gets a FHIR R4 Bundle whose every resource validates, with all of the record and no psychotherapy note', async () => {
    const c = await aClientWithARecord();
    const response = await haven.as(c.cookie).get(FHIR);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="haven-record-\d{4}-\d{2}-\d{2}\.fhir\.json"$/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).not.toContain(c.secret);
    expect(Buffer.from(response.rawPayload).toString('latin1')).not.toContain(c.secret);

    const bundle = response.json<Bundle>();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    // validateResource throws on any error; what it warns of must be settled inside the Bundle.
    expect(unresolvedIssues(bundle, validateResource(bundle))).toEqual([]);
    expect(await requiredCodeIssues(bundle)).toEqual([]);
    const counts: Record<string, number> = {};
    for (const entry of bundle.entry!) {
      const resource = entry.resource!;
      expect(entry.fullUrl).toBe(`urn:uuid:${resource.id}`);
      expect(unresolvedIssues(bundle, validateResource(resource)), resource.resourceType).toEqual([]);
      counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
    }
    expect(counts).toEqual({
      Patient: 1,
      Practitioner: 1,
      CareTeam: 1,
      Encounter: 1,
      Observation: 2,
      DocumentReference: 1,
      Communication: 3,
    });
    // Every reference points at an entry of the Bundle.
    const fullUrls = new Set(bundle.entry!.map((e) => e.fullUrl));
    const references = [...response.body.matchAll(/"reference": "([^"]+)"/g)].map((m) => m[1]);
    expect(references.length).toBeGreaterThan(10);
    for (const reference of references) expect(fullUrls).toContain(reference);

    const [patient] = resourcesOf<Patient>(bundle, 'Patient');
    expect(patient).toMatchObject({
      id: c.clientId,
      birthDate: '1992-03-04',
      address: [{ state: 'TX', country: 'US' }],
      communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] }, preferred: true }],
    });
    expect(patient!.name![0]!.text).toBe(`Jordan <b>${c.marker}</b>`);
    expect(resourcesOf<Practitioner>(bundle, 'Practitioner')[0]).toMatchObject({ id: c.providerId, name: [{ given: ['Ana'] }] });

    const [encounter] = resourcesOf<Encounter>(bundle, 'Encounter');
    expect(encounter).toMatchObject({ id: c.sessionId, status: 'planned', class: { code: 'VR' }, type: [{ text: 'Video session' }] });
    // The code check sees what validateResource lets through.
    const wrong = { ...encounter!, status: 'booked', length: { ...encounter!.length, comparator: '~' } };
    expect(unresolvedIssues(bundle, validateResource(wrong as Encounter))).toEqual([]);
    expect(await requiredCodeIssues(wrong as Encounter)).toEqual([
      'Encounter.status: "booked" is not in http://hl7.org/fhir/ValueSet/encounter-status|4.0.1',
      'Encounter.length.comparator: "~" is not in http://hl7.org/fhir/ValueSet/quantity-comparator|4.0.1',
    ]);

    const observations = resourcesOf<Observation>(bundle, 'Observation').map((o) => ({
      loinc: o.code.coding![0]!.code,
      value: o.valueQuantity!.value,
      band: o.interpretation![0]!.text,
    }));
    expect(observations).toEqual(
      expect.arrayContaining([
        { loinc: '44261-6', value: 10, band: 'Moderate' },
        { loinc: '70274-6', value: 6, band: 'Mild' },
      ]),
    );

    const [document] = resourcesOf<DocumentReference>(bundle, 'DocumentReference');
    expect(document).toMatchObject({ docStatus: 'final', context: { encounter: [{ reference: `urn:uuid:${c.sessionId}` }] } });
    const noteText = Buffer.from(document!.content[0]!.attachment.data!, 'base64').toString('utf8');
    expect(noteText).toContain(`${c.marker}-progress`);
    expect(noteText).toContain(`${c.marker}-amendment`);
    expect(noteText).toContain('CPT 90834');
    expect(noteText).not.toContain(c.secret);

    const communications = resourcesOf<Communication>(bundle, 'Communication');
    expect(communications.map((m) => m.payload![0]!.contentString ?? m.payload![0]!.contentAttachment!.title)).toEqual([
      `I slept badly again & <script>alert(1)</script> ${c.marker}-client`,
      `Thank you for telling me. ${c.marker}-provider`,
      'sleep-diary.png',
    ]);
    expect(communications.map((m) => m.sender!.reference)).toEqual([
      `urn:uuid:${c.clientId}`,
      `urn:uuid:${c.providerId}`,
      `urn:uuid:${c.clientId}`,
    ]);
    expect(communications[2]!.payload![0]!.contentAttachment).toMatchObject({ contentType: 'image/png', size: 11 });
    const media = new URL(communications[2]!.payload![0]!.contentAttachment!.url!);
    expect((await haven.as(c.cookie).get(media.pathname)).statusCode).toBe(200);

    const audit = await haven.db
      .selectFrom('audit_events')
      .select(['action', 'client_user_id', 'actor_id', 'detail'])
      .where('action', '=', 'record.exported')
      .where('client_user_id', '=', c.userId)
      .execute();
    expect(audit).toEqual([
      {
        action: 'record.exported',
        client_user_id: c.userId,
        actor_id: c.userId,
        detail: { format: 'fhir', sessions: 1, screeners: 2, notes: 1, messages: 3 },
      },
    ]);
  });

  it('gets a readable, self-contained HTML page, escaped, with no psychotherapy note', async () => {
    const c = await aClientWithARecord();
    const response = await haven.as(c.cookie).get(HTML);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="haven-record-\d{4}-\d{2}-\d{2}\.html"$/);
    expect(response.headers['cache-control']).toBe('no-store');
    const html = response.body;
    expect(html).not.toContain(c.secret);
    expect(html).toContain(`${c.marker}-progress`);
    expect(html).toContain(`${c.marker}-amendment`);
    expect(html).toContain(`${c.marker}-client`);
    expect(html).toContain(`${c.marker}-provider`);
    expect(html).toContain('sleep-diary.png');
    expect(html).toContain('Moderate');
    expect(html).toContain('March 4, 1992');
    // Text is escaped; the file has no script and loads nothing.
    expect(html).toContain(`Jordan &lt;b&gt;${c.marker}&lt;/b&gt;`);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href=/i);

    const audit = await haven.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'record.exported')
      .where('client_user_id', '=', c.userId)
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ format: 'html' });
  });

  it('is the signed-in client’s own: another client gets only theirs, a provider or no one gets nothing', async () => {
    const c = await aClientWithARecord();
    const other = await aMatchedClient(haven, { state: 'OR' });
    for (const url of [FHIR, HTML]) {
      const theirs = await haven.as(other.cookie).get(url);
      expect(theirs.statusCode).toBe(200);
      expect(theirs.body).not.toContain(c.marker);
      expect(theirs.body).not.toContain(c.clientId);
      const byProvider = await haven.as(c.provider).get(url);
      expect(byProvider.statusCode).toBe(403);
      expect(byProvider.body).not.toContain(c.marker);
      expect((await haven.signedOut.get(url)).statusCode).toBe(401);
    }
  });

  it('is limited to six downloads of each format a minute', async () => {
    const { cookie } = await aMatchedClient(haven, { state: 'OR' });
    for (let n = 0; n < 6; n += 1) expect((await haven.as(cookie).get(FHIR)).statusCode).toBe(200);
    const refused = await haven.as(cookie).get(FHIR);
    expect(refused.statusCode).toBe(429);
    expect(refused.body).not.toContain('resourceType');
    expect((await haven.as(cookie).get(HTML)).statusCode).toBe(200);
  });
});
