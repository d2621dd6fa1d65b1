-- Sign-up no longer signs anyone in: a new account is used only once the emailed link shows the
-- address is the person's (users.email_verified_at, added in 0011). A signed-in person changes
-- their address the same way: by a one-time link sent to the new address.

-- Every account made so far — sign-ups from before this change, demo accounts, admins, invited
-- providers — was never asked to confirm its address, and counts as verified.
UPDATE users SET email_verified_at = created_at WHERE email_verified_at IS NULL;

-- A link that moves an account to a new address carries that address; no other link does.
ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_check;
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_check
  CHECK (purpose IN ('password_reset', 'email_verification', 'email_change'));
ALTER TABLE account_tokens ADD COLUMN new_email text;
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_new_email_check
  CHECK ((purpose = 'email_change') = (new_email IS NOT NULL));
