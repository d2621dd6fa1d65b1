// A client takes their record with them (PRODUCT §3): as a FHIR R4 Bundle for another provider or
// app, or as a page to read. Each download is audited before it is answered.
import type { Caller } from '../../caller.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { recordBundle } from './fhir.ts';
import { recordHtml } from './html.ts';
import { gatherRecord, type ClientRecord } from './record.ts';

export type ExportFormat = 'fhir' | 'html';
export type RecordFile = { filename: string; contentType: string; body: string };

const counts = (record: ClientRecord) => ({
  sessions: record.sessions.length,
  screeners: record.screeners.length,
  notes: record.notes.length,
  messages: record.messages.length,
});

export async function exportRecord(caller: Caller, format: ExportFormat): Promise<RecordFile> {
  const record = await gatherRecord(caller);
  const day = caller.now.toISOString().slice(0, 10);
  const file: RecordFile =
    format === 'fhir'
      ? {
          filename: `haven-record-${day}.fhir.json`,
          contentType: 'application/fhir+json; charset=utf-8',
          body: JSON.stringify(recordBundle(record, caller.deps.config.publicUrl), null, 2),
        }
      : { filename: `haven-record-${day}.html`, contentType: 'text/html; charset=utf-8', body: recordHtml(record) };
  await recordAudit(caller.db, {
    actor: caller.actor,
    action: 'record.exported',
    subject: { type: 'client', id: record.client.profile?.clientId ?? caller.user.id },
    client: caller.user.id,
    detail: { format, ...counts(record) },
  });
  return file;
}
