-- Which emails a person wants, by category (the bell always shows everything). Emails about the
-- account's security (password, two-step sign-in, sign-ins) and about their care (matched, a
-- provider leaving) are always sent, so there is no choice for them.
ALTER TABLE users ADD COLUMN email_messages boolean NOT NULL DEFAULT true;
ALTER TABLE users ADD COLUMN email_sessions boolean NOT NULL DEFAULT true;
