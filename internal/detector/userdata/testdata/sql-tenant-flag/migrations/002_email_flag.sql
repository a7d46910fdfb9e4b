-- A flag: whether the site allows signing in by e-mail, no address.
ALTER TABLE tenants ADD COLUMN is_email_auth_allowed BOOLEAN;
UPDATE tenants SET is_email_auth_allowed = TRUE;
