// What the care module holds of a client's own record, opened for the client's export
// (modules/export): who they are, their screeners as scored at intake, and who has cared for them.
// The caller decides who may read it, and records the read.
import type { Credential, LanguageCode, UsStateCode } from '@haven/contract';
import type { Gad7Band, Phq9Band } from '@haven/domain';
import type { Sealer } from '../../platform/crypto/envelope.ts';
import type { Db } from '../../platform/db/database.ts';
import * as repo from './care.repository.ts';
import { readAnswers } from './intake.service.ts';

export type ClientProfile = {
  clientId: string;
  dateOfBirth: string | null;
  state: UsStateCode | null;
  timeZone: string | null;
  /** Languages the client needs their provider to speak, then those they would like. */
  languages: Array<{ code: LanguageCode; required: boolean }>;
};

export type ScreenerResult =
  | { id: string; instrument: 'phq9'; total: number; band: Phq9Band; items: number[]; takenAt: Date }
  | { id: string; instrument: 'gad7'; total: number; band: Gad7Band; items: number[]; takenAt: Date };

export type CareTeamMember = {
  providerId: string;
  userId: string | null;
  firstName: string;
  lastName: string;
  credentials: Credential[];
  npi: string | null;
  startedAt: Date;
  endedAt: Date | null;
};

/** The client behind an account, with the intake answers that describe them; null before any intake. */
export async function clientProfileOf(db: Db, sealer: Sealer, userId: string): Promise<ClientProfile | null> {
  const client = await repo.findClientByUser(db, userId);
  if (!client) return null;
  const answers = await readAnswers(sealer, client);
  const required = answers.requiredLanguages ?? client.required_languages;
  const preferred = (answers.preferredLanguages ?? client.preferred_languages).filter((code) => !required.includes(code));
  return {
    clientId: client.id,
    dateOfBirth: answers.dateOfBirth ?? null,
    state: answers.state ?? client.state,
    timeZone: client.time_zone ?? answers.timeZone ?? null,
    languages: [...required.map((code) => ({ code, required: true })), ...preferred.map((code) => ({ code, required: false }))],
  };
}

type StoredScreener = { items: number[]; total: number; band: string };

export async function screenerResultsOf(db: Db, sealer: Sealer, clientId: string): Promise<ScreenerResult[]> {
  const rows = await repo.screenerResultsOf(db, clientId);
  return Promise.all(
    rows.map(async (row) => {
      const stored = JSON.parse(
        await sealer.open(clientId, row.sealed, { table: 'screener_results', row: row.id, field: 'result' }),
      ) as StoredScreener;
      return {
        id: row.id,
        instrument: row.instrument,
        total: stored.total,
        band: stored.band,
        items: stored.items,
        takenAt: row.taken_at,
      } as ScreenerResult;
    }),
  );
}

export async function careTeamOf(db: Db, clientId: string): Promise<CareTeamMember[]> {
  const rows = await repo.careTeamOf(db, clientId);
  return rows.map((row) => ({
    providerId: row.id,
    userId: row.user_id,
    firstName: row.first_name,
    lastName: row.last_name,
    credentials: row.credentials,
    npi: row.npi,
    startedAt: row.started_at,
    endedAt: row.ended_at,
  }));
}
