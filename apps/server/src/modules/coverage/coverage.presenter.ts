// Coverage rows as the contract's objects: ledger entries, invoices, the open messaging session.
import type { CoverageState, Invoice, LedgerEntry } from '@haven/contract';
import type * as repo from './coverage.repository.ts';

export function presentLedger(row: repo.LedgerRow): LedgerEntry {
  return { id: String(row.seq), at: row.at.toISOString(), kind: row.kind, amount: row.amount, reason: row.reason, period: row.period };
}

export function presentInvoice(row: repo.InvoiceRow): Invoice {
  return {
    id: row.id,
    number: `H-${String(row.number).padStart(6, '0')}`,
    issuedAt: row.issued_at.toISOString(),
    periodStart: row.period_start,
    periodEnd: row.period_end,
    description: row.description,
    amountCents: row.amount_cents,
    status: row.status,
    receipt: row.receipt,
  };
}

type OpenMessagingSessionRow = NonNullable<Awaited<ReturnType<typeof repo.openMessagingSession>>>;

export function presentOpenMessagingSession(row: OpenMessagingSessionRow): NonNullable<CoverageState['openMessagingSession']> {
  return {
    id: row.id,
    startedAt: row.started_at.toISOString(),
    closesAt: new Date(row.closes_at).toISOString(),
    completedAt: null,
    status: 'open',
  };
}
