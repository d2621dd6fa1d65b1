-- Plans, partners and the session ledger (PRODUCT §2.2).

-- The direct (self-pay) plans on offer; operators may change price and monthly live sessions.
CREATE TABLE direct_plans (
  plan                    text PRIMARY KEY CHECK (plan IN ('messaging', 'messaging_live', 'live')),
  monthly_price_cents     integer NOT NULL CHECK (monthly_price_cents >= 0),
  live_sessions_per_month integer NOT NULL CHECK (live_sessions_per_month BETWEEN 0 AND 31),
  messaging               boolean NOT NULL
);
INSERT INTO direct_plans VALUES
  ('messaging', 26000, 0, true),
  ('messaging_live', 36000, 4, true),
  ('live', 32000, 4, false);

CREATE TABLE eap_partners (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                text NOT NULL,
  sessions_per_client integer NOT NULL CHECK (sessions_per_client > 0),
  ends_on             date NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE eap_codes (
  code       text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{4,32}$'),
  partner_id uuid NOT NULL REFERENCES eap_partners (id) ON DELETE CASCADE,
  active     boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE health_plans (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name               text NOT NULL,
  payer_id           text NOT NULL UNIQUE,
  session_rate_cents integer NOT NULL CHECK (session_rate_cents >= 0),
  created_at         timestamptz NOT NULL DEFAULT now()
);

-- How a client pays, over time: one current row per client (ended_at IS NULL).
CREATE TABLE coverages (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id          uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  kind               text NOT NULL CHECK (kind IN ('direct', 'eap', 'health_plan')),
  started_at         timestamptz NOT NULL DEFAULT now(),
  ended_at           timestamptz,
  -- direct
  plan               text REFERENCES direct_plans (plan),
  paused             boolean NOT NULL DEFAULT false,
  -- The day of the month periods start on (the day the plan began, capped at 28).
  anchor_day         integer CHECK (anchor_day BETWEEN 1 AND 28),
  pending_change     text CHECK (pending_change IN ('messaging', 'messaging_live', 'live', 'pause', 'resume')),
  pending_on         date,
  -- eap
  eap_code           text REFERENCES eap_codes (code),
  -- health plan
  health_plan_id     uuid REFERENCES health_plans (id),
  member_id          text,
  CHECK ((kind = 'direct') = (plan IS NOT NULL)),
  CHECK ((kind = 'eap') = (eap_code IS NOT NULL)),
  CHECK ((kind = 'health_plan') = (health_plan_id IS NOT NULL AND member_id IS NOT NULL))
);
CREATE UNIQUE INDEX coverages_current ON coverages (client_id) WHERE ended_at IS NULL;
-- A client uses an organisation code once.
CREATE UNIQUE INDEX coverages_eap_once ON coverages (client_id, eap_code) WHERE eap_code IS NOT NULL;

-- Append-only: every credit granted, reserved, spent, returned or expired, with its reason.
-- Balances are sums over these rows; nothing else stores them.
CREATE TABLE ledger_entries (
  seq         bigserial PRIMARY KEY,
  coverage_id uuid NOT NULL REFERENCES coverages (id) ON DELETE CASCADE,
  client_id   uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('grant', 'reserve', 'spend', 'return', 'expire')),
  amount      integer NOT NULL,
  -- For a monthly allowance, the first day of the period it belongs to.
  period      date,
  reason      text NOT NULL,
  -- What the entry is about (a live session, a messaging session), for returns and spends.
  ref_type    text,
  ref_id      uuid,
  cost_cents  integer NOT NULL DEFAULT 0,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_entries_coverage ON ledger_entries (coverage_id, period);
CREATE INDEX ledger_entries_client ON ledger_entries (client_id, seq);
-- One monthly grant per period, so a retried renewal cannot grant twice.
CREATE UNIQUE INDEX ledger_entries_one_grant ON ledger_entries (coverage_id, period) WHERE kind = 'grant' AND period IS NOT NULL;
-- A session is reserved once, and settled (spent or returned) once.
CREATE UNIQUE INDEX ledger_entries_one_reserve ON ledger_entries (ref_id) WHERE kind = 'reserve';
CREATE UNIQUE INDEX ledger_entries_one_settle ON ledger_entries (ref_id) WHERE kind IN ('spend', 'return') AND ref_type = 'live_session';
CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only';
END
$$;
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();

CREATE TABLE messaging_sessions (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id    uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  provider_id  uuid NOT NULL REFERENCES providers (id),
  coverage_id  uuid NOT NULL REFERENCES coverages (id),
  started_at   timestamptz NOT NULL DEFAULT now(),
  closes_at    timestamptz NOT NULL,
  completed_at timestamptz,
  completed_by uuid REFERENCES users (id),
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'expired'))
);
-- Two messaging sessions at once are impossible.
CREATE UNIQUE INDEX messaging_sessions_one_open ON messaging_sessions (client_id) WHERE status = 'open';

ALTER TABLE live_sessions ADD COLUMN coverage_id uuid REFERENCES coverages (id);
ALTER TABLE live_sessions ADD COLUMN cost_cents integer NOT NULL DEFAULT 0;
ALTER TABLE live_sessions ADD COLUMN outcome text CHECK (outcome IN ('completed', 'client_no_show', 'provider_no_show', 'cancelled_early', 'cancelled_late'));
ALTER TABLE live_sessions ADD COLUMN settled_at timestamptz;

-- Payments: a local processor records charges; invoices and receipts are the client's to see.
CREATE TABLE invoices (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number       bigserial UNIQUE,
  client_id    uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  coverage_id  uuid REFERENCES coverages (id),
  -- What the invoice is for, unique so a retried renewal or copay never bills twice.
  purpose      text NOT NULL UNIQUE,
  description  text NOT NULL,
  period_start date NOT NULL,
  period_end   date NOT NULL,
  amount_cents integer NOT NULL CHECK (amount_cents >= 0),
  status       text NOT NULL CHECK (status IN ('paid', 'failed')),
  receipt      text,
  issued_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoices_client ON invoices (client_id, issued_at);

CREATE TABLE payment_charges (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id    uuid NOT NULL REFERENCES invoices (id),
  amount_cents  integer NOT NULL,
  processor     text NOT NULL,
  processor_ref text NOT NULL,
  succeeded     boolean NOT NULL,
  at            timestamptz NOT NULL DEFAULT now()
);
