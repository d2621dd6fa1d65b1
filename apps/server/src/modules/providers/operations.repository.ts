import type { ProviderList, ProviderListQuery, UsStateCode } from '@haven/contract';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { LicenceRow } from './providers.repository.ts';

export const PAGE_SIZE = 25;
const DUE_WITHIN_DAYS = 60;

/** The operations console's provider search: filters, one page, and the total. */
export async function searchProviders(db: Db, query: ProviderListQuery, today: string): Promise<ProviderList> {
  const page = Number(query.page ?? 1);
  let base = db.selectFrom('providers as p');
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([eb(sql`lower(p.first_name || ' ' || p.last_name)`, 'like', like), eb(sql`lower(p.email)`, 'like', like)]),
    );
  }
  if (query.status) base = base.where('p.status', '=', query.status);
  if (query.language) base = base.where(sql<boolean>`p.languages @> array[${query.language}]::text[]`);
  if (query.state) {
    const state = query.state;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('licences as l')
          .whereRef('l.provider_id', '=', 'p.id')
          .where('l.state', '=', state)
          .where('l.status', 'in', ['pending', 'verified']),
      ),
    );
  }
  if (query.verification === 'pending') {
    base = base.where((eb) =>
      eb.exists(eb.selectFrom('licences as l').whereRef('l.provider_id', '=', 'p.id').where('l.status', '=', 'pending')),
    );
  }
  if (query.verification === 'due') {
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('licences as l')
          .whereRef('l.provider_id', '=', 'p.id')
          .where('l.status', '=', 'verified')
          .where(sql<boolean>`l.expires_on <= ${today}::date + ${DUE_WITHIN_DAYS}::int`),
      ),
    );
  }
  const [{ total }] = (await base.select((eb) => eb.fn.countAll<string>().as('total')).execute()) as [{ total: string }];
  const rows = await base
    .select([
      'p.id',
      'p.first_name',
      'p.last_name',
      'p.email',
      'p.status',
      'p.credentials',
      'p.languages',
      'p.capacity',
      sql<string[]>`coalesce((select array_agg(distinct l.state order by l.state) from licences l
        where l.provider_id = p.id and l.status = 'verified' and l.expires_on >= ${today}::date), '{}')`.as('licensed_states'),
      sql<number>`(select count(*)::int from licences l where l.provider_id = p.id and l.status = 'pending')`.as('pending_licences'),
      sql<string | null>`(select min(l.expires_on)::text from licences l
        where l.provider_id = p.id and l.status = 'verified' and l.expires_on >= ${today}::date)`.as('next_expiry'),
    ])
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('p.id')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  return {
    total: Number(total),
    page,
    pageSize: PAGE_SIZE,
    providers: rows.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.email,
      status: r.status,
      credentials: r.credentials,
      languages: r.languages,
      licensedStates: r.licensed_states as UsStateCode[],
      pendingLicences: r.pending_licences,
      nextExpiry: r.next_expiry,
      capacity: r.capacity,
    })),
  };
}

export type QueuedLicence = LicenceRow & { provider_name: string };

export function pendingLicences(db: Db): Promise<QueuedLicence[]> {
  return db
    .selectFrom('licences as l')
    .innerJoin('providers as p', 'p.id', 'l.provider_id')
    .selectAll('l')
    .select(sql<string>`p.first_name || ' ' || p.last_name`.as('provider_name'))
    .where('l.status', '=', 'pending')
    .orderBy('l.created_at')
    .limit(200)
    .execute();
}

/** Marks every verified or pending licence whose expiry date has passed as expired. */
export async function expireLapsedLicences(trx: Db, today: string): Promise<QueuedLicence[]> {
  const lapsed = await trx
    .updateTable('licences')
    .set({ status: 'expired' })
    .where('status', 'in', ['verified', 'pending'])
    .where('expires_on', '<', today)
    .returningAll()
    .execute();
  if (!lapsed.length) return [];
  const names = await trx
    .selectFrom('providers')
    .select(['id', sql<string>`first_name || ' ' || last_name`.as('name')])
    .where('id', 'in', [...new Set(lapsed.map((l) => l.provider_id))])
    .execute();
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return lapsed.map((l) => ({ ...l, provider_name: nameOf.get(l.provider_id) ?? '' }));
}
