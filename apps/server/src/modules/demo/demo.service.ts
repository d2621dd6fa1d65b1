import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Role } from '@haven/contract';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { createAccount, findAccountByEmail } from '../identity/identity.service.ts';
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
