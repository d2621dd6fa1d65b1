import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Role } from '@haven/contract';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { createAccount, findAccountByEmail } from '../identity/identity.service.ts';
import { systemActor } from '../../platform/audit/audit.ts';
import { addEapCode, createEapPartner, createHealthPlan, listPartners } from '../coverage/partners.service.ts';
import { ensureDemoNetwork as loadNetwork } from '../providers/network-import.ts';

export type DemoAccount = { role: Role; email: string; password: string; preferredName: string };

const demoPeople: Array<Omit<DemoAccount, 'password'>> = [
  { role: 'client', email: 'client@demo.haven.test', preferredName: 'Alex' },
  { role: 'provider', email: 'provider@demo.haven.test', preferredName: 'Dr. Rivera' },
  { role: 'admin', email: 'admin@demo.haven.test', preferredName: 'Operations' },
];

/**
 * Creates one demo account per role on first start and remembers their generated
 * passwords in the data dir (mode 0600) so later starts can print them again.
 * Only ever called on the embedded, non-production default.
 */
export async function ensureDemoAccounts(db: Db, dataDir: string): Promise<DemoAccount[]> {
  const file = path.join(dataDir, 'demo-accounts.json');
  const known = await readDemoFile(file);
  if (known) return known;
  const accounts = demoPeople.map((person) => ({ ...person, password: randomBytes(12).toString('base64url') }));
  for (const account of accounts) await createAccount(db, account);
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return accounts;
}

async function readDemoFile(file: string): Promise<DemoAccount[] | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as DemoAccount[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The demo provider network, with the demo provider account as one of its members. */
export async function ensureDemoNetwork({ db, blobs }: AppContext, accounts: DemoAccount[]) {
  const providerAccount = accounts.find((a) => a.role === 'provider');
  const user = providerAccount ? await findAccountByEmail(db, providerAccount.email) : undefined;
  return loadNetwork(db, blobs, user ? { userId: user.id, email: user.email } : null);
}

/** Demo partners, so every way of paying can be tried: two EAP codes and two health plans. */
export async function ensureDemoPartners(db: Db, now = new Date()): Promise<{ codes: string[]; healthPlans: string[] }> {
  const demo = { codes: ['ACME-2026', 'GLOBEX-EAP'], healthPlans: ['Blue Horizon Health', 'Summit Care'] };
  const existing = await listPartners(db);
  if (existing.eap.length > 0 || existing.healthPlans.length > 0) return demo;
  const endsOn = `${now.getUTCFullYear() + 1}-12-31`;
  const haven = { db, actor: systemActor };
  const acme = await createEapPartner(haven, { name: 'Acme Corporation', sessionsPerClient: 6, endsOn });
  await addEapCode(haven, acme.id, 'ACME-2026');
  const globex = await createEapPartner(haven, { name: 'Globex Employee Assistance', sessionsPerClient: 3, endsOn });
  await addEapCode(haven, globex.id, 'GLOBEX-EAP');
  await createHealthPlan(haven, { name: 'Blue Horizon Health', payerId: 'BHH01', sessionRateCents: 12_000 });
  await createHealthPlan(haven, { name: 'Summit Care', payerId: 'SMC22', sessionRateCents: 11_000 });
  return demo;
}
