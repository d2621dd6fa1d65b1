import sharp from 'sharp';
import { recordAudit, systemActor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { BlobStore } from '../../platform/storage/blob-store.ts';
import { generateDemoNetwork, type DemoProvider } from './demo-network/generate.ts';
import { insertLicences, insertProviders } from './providers.repository.ts';

const BATCH = 100;

/**
 * Loads generated providers as active, verified members of the network, each with a
 * generated portrait. Used for the demo network and for benchmarks; one transaction, so
 * a crash half-way leaves nothing behind.
 */
export async function importProviders(
  db: Db,
  blobs: BlobStore,
  providers: Array<DemoProvider & { userId?: string }>,
  now = new Date(),
): Promise<string[]> {
  const photos: string[] = [];
  for (let i = 0; i < providers.length; i += BATCH) {
    const batch = providers.slice(i, i + BATCH);
    photos.push(...(await Promise.all(batch.map((p) => portraitFor(p.avatar).then((png) => blobs.put(png, 'image/webp'))))));
  }
  return db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (let i = 0; i < providers.length; i += BATCH) {
      const batch = providers.slice(i, i + BATCH);
      const rows = await insertProviders(
        trx,
        batch.map((p, j) => providerRow(p, photos[i + j] ?? null)),
      );
      const idByEmail = new Map(rows.map((r) => [r.email, r.id]));
      const licences = batch.flatMap((p) =>
        p.licences.map((licence) => ({
          provider_id: idByEmail.get(p.email)!,
          state: licence.state,
          licence_type: licence.licenceType,
          number: licence.number,
          expires_on: licence.expiresOn,
          status: 'verified' as const,
          decided_at: now,
        })),
      );
      await insertLicences(trx, licences);
      ids.push(...batch.map((p) => idByEmail.get(p.email)!));
    }
    await recordAudit(trx, {
      actor: systemActor,
      action: 'providers.imported',
      subject: { type: 'network', id: 'demo' },
      detail: { count: providers.length },
    });
    return ids;
  });
}

function providerRow(p: DemoProvider & { userId?: string }, photoKey: string | null) {
  return {
    user_id: p.userId ?? null,
    email: p.email,
    status: 'active' as const,
    first_name: p.firstName,
    last_name: p.lastName,
    pronouns: p.pronouns,
    gender: p.gender,
    credentials: p.credentials,
    years_experience: p.yearsExperience,
    npi: p.npi,
    focus_areas: p.focusAreas,
    approaches: p.approaches,
    languages: p.languages,
    approach_statement: p.approachStatement,
    time_zone: p.timeZone,
    business_hours: JSON.stringify(p.businessHours),
    capacity: p.capacity,
    modalities: p.modalities,
    coverage: p.coverage,
    photo_key: photoKey,
    weekly_availability: JSON.stringify(p.availability.weekly),
    session_lengths: p.availability.sessionLengths,
    buffer_minutes: p.availability.bufferMinutes,
    min_notice_hours: p.availability.minNoticeHours,
  };
}

/** A calm, abstract portrait (no face, no text): a head and shoulders on the provider's colour. */
function portraitFor(avatar: { hue: number }): Promise<Buffer> {
  const background = `hsl(${avatar.hue}, 45%, 78%)`;
  const figure = `hsl(${avatar.hue}, 35%, 38%)`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
    <rect width="256" height="256" fill="${background}"/>
    <circle cx="128" cy="104" r="46" fill="${figure}"/>
    <path d="M40 256c0-56 40-92 88-92s88 36 88 92z" fill="${figure}"/>
  </svg>`;
  return sharp(Buffer.from(svg)).webp({ quality: 80 }).toBuffer();
}

export const DEMO_NETWORK = { seed: 2026, size: 600 };
const DEMO_DOMAIN = '@providers.demo.haven.test';

/**
 * Loads the demo network once: 600 generated providers, plus a full profile for the demo
 * provider account so signing in as that account shows a provider's real workspace.
 */
export async function ensureDemoNetwork(
  db: Db,
  blobs: BlobStore,
  demoProvider: { userId: string; email: string } | null,
  now = new Date(),
): Promise<{ providers: number; states: number; created: boolean }> {
  const existing = await networkSize(db);
  if (existing.providers > 0) return { ...existing, created: false };
  const network = generateDemoNetwork({ ...DEMO_NETWORK, today: now.toISOString().slice(0, 10) });
  if (demoProvider && network[0]) {
    // The demo provider account gets the first generated profile, under its own name.
    const languages = network[0].languages.includes('es') ? network[0].languages : [...network[0].languages, 'es'];
    network[0] = {
      ...network[0],
      firstName: 'Elena',
      lastName: 'Rivera',
      pronouns: 'she/her',
      gender: 'woman',
      languages,
      email: demoProvider.email,
    };
  }
  const withAccount = network.map((p, i) => (i === 0 && demoProvider ? { ...p, userId: demoProvider.userId } : p));
  await importProviders(db, blobs, withAccount, now);
  return { ...(await networkSize(db)), created: true };
}

async function networkSize(db: Db): Promise<{ providers: number; states: number }> {
  const row = await db
    .selectFrom('providers as p')
    .leftJoin('licences as l', 'l.provider_id', 'p.id')
    .select((eb) => [eb.fn.count<string>('p.id').distinct().as('providers'), eb.fn.count<string>('l.state').distinct().as('states')])
    .where((eb) => eb.or([eb('p.email', 'like', `%${DEMO_DOMAIN}`), eb('p.email', 'like', '%@demo.haven.test')]))
    .executeTakeFirstOrThrow();
  return { providers: Number(row.providers), states: Number(row.states) };
}
