import { expect } from 'vitest';
import type { Haven } from './harness.ts';

/** A fresh organisation (EAP) with `sessions` per client, and one code for it; made by the file's admin. */
export async function anEapCode(haven: Haven, sessions: number, endsOn = '2099-12-31'): Promise<string> {
  const code = `T${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  const admin = haven.as(haven.admin);
  const partner = await admin.post('/api/admin/partners/eap', { name: `Org ${code}`, sessionsPerClient: sessions, endsOn });
  expect(partner.statusCode, partner.body).toBe(201);
  const created = await admin.post(`/api/admin/partners/eap/${partner.json<{ id: string }>().id}/codes`, { code });
  expect(created.statusCode, created.body).toBe(201);
  return code;
}
