import type { Generated } from 'kysely';
import type { CalendarDate, CreatedAt, Defaulted, Nullable } from './columns.ts';

export type DirectPlanName = 'messaging' | 'messaging_live' | 'live';

export interface DirectPlansTable {
  plan: DirectPlanName;
  monthly_price_cents: number;
  live_sessions_per_month: number;
  messaging: boolean;
}

export interface EapPartnersTable {
  id: Generated<string>;
  name: string;
  sessions_per_client: number;
  ends_on: CalendarDate;
  created_at: CreatedAt;
}

export interface EapCodesTable {
  code: string;
  partner_id: string;
  active: Defaulted<boolean>;
  created_at: CreatedAt;
}

export interface HealthPlansTable {
  id: Generated<string>;
  name: string;
  payer_id: string;
  session_rate_cents: number;
  created_at: CreatedAt;
}

export interface CoveragesTable {
  id: Generated<string>;
  client_id: string;
  kind: 'direct' | 'eap' | 'health_plan';
  started_at: CreatedAt;
  ended_at: Nullable<Date>;
  plan: Nullable<DirectPlanName>;
  paused: Defaulted<boolean>;
  anchor_day: Nullable<number>;
  pending_change: Nullable<DirectPlanName | 'pause' | 'resume'>;
  pending_on: Nullable<CalendarDate>;
  eap_code: Nullable<string>;
  health_plan_id: Nullable<string>;
  member_id: Nullable<string>;
}

export interface LedgerEntriesTable {
  seq: Generated<string>;
  coverage_id: string;
  client_id: string;
  kind: 'grant' | 'reserve' | 'spend' | 'return' | 'expire';
  amount: number;
  period: Nullable<CalendarDate>;
  reason: string;
  ref_type: Nullable<'live_session' | 'messaging_session'>;
  ref_id: Nullable<string>;
  cost_cents: Defaulted<number>;
  at: CreatedAt;
}

export interface MessagingSessionsTable {
  id: Generated<string>;
  client_id: string;
  provider_id: string;
  coverage_id: string;
  started_at: CreatedAt;
  closes_at: Date | string;
  completed_at: Nullable<Date>;
  completed_by: Nullable<string>;
  status: Defaulted<'open' | 'completed' | 'expired'>;
}

export interface InvoicesTable {
  id: Generated<string>;
  number: Generated<string>;
  client_id: string;
  coverage_id: Nullable<string>;
  purpose: string;
  description: string;
  period_start: CalendarDate;
  period_end: CalendarDate;
  amount_cents: number;
  status: 'paid' | 'failed';
  receipt: Nullable<string>;
  issued_at: CreatedAt;
}

export interface PaymentChargesTable {
  id: Generated<string>;
  invoice_id: string;
  amount_cents: number;
  processor: string;
  processor_ref: string;
  succeeded: boolean;
  at: CreatedAt;
}
