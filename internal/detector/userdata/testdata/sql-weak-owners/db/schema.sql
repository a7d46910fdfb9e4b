-- A dump of the app's tables. Paths, free text, IP addresses and secrets
-- are a person's data only on a model that belongs to one.

-- want: asset user-data accounts email,password_hash
CREATE TABLE accounts (
  id BIGINT PRIMARY KEY,
  email VARCHAR(255) NOT NULL,
  password_hash VARCHAR(255) NOT NULL
);

-- Fire: a file a person uploaded, owned through a declared key.
-- want: asset user-data documents file_path
CREATE TABLE documents (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  file_path VARCHAR(512) NOT NULL,
  size BIGINT
);

-- Fire: a person's own mail account, owned: its password is theirs.
-- want: asset user-data mailboxes password
CREATE TABLE mailboxes (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  imap_host VARCHAR(255),
  password VARCHAR(255)
);

-- Fire: a signature of the terms, owned by the person who signed.
-- want: asset user-data signatures full_name,ip_address
CREATE TABLE signatures (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  terms_id BIGINT NOT NULL REFERENCES terms(id),
  full_name VARCHAR(255),
  ip_address VARCHAR(64)
);

-- Lookalike: the app's own SMTP settings, no one's: a stored credential.
-- want: asset credentials mail_settings pass
CREATE TABLE mail_settings (
  id BIGINT PRIMARY KEY,
  host VARCHAR(255),
  port INT,
  sender VARCHAR(255),
  pass VARCHAR(255)
);

-- Lookalike: a database the app connects to, with its login: a stored
-- credential.
-- want: asset credentials database_targets pwd,user_name
CREATE TABLE database_targets (
  id BIGINT PRIMARY KEY,
  jdbc_url VARCHAR(255),
  user_name VARCHAR(255),
  pwd VARCHAR(255)
);

-- Lookalike: file records with a path and a size, no owner (a string of
-- who made it is no key).
CREATE TABLE stored_files (
  id BIGINT PRIMARY KEY,
  path VARCHAR(512) NOT NULL,
  size BIGINT,
  created_by VARCHAR(255)
);

-- Lookalike: the server a release went to.
CREATE TABLE releases (
  id BIGINT PRIMARY KEY,
  app_name VARCHAR(255),
  ip VARCHAR(64),
  released_at TIMESTAMP
);

-- Lookalike: the terms people sign, written by the operators.
CREATE TABLE terms (
  id BIGINT PRIMARY KEY,
  body TEXT NOT NULL,
  active BOOLEAN
);

-- Lookalike: a log line.
CREATE TABLE app_logs (
  id BIGINT PRIMARY KEY,
  created_at TIMESTAMP,
  message TEXT,
  level VARCHAR(16)
);

-- Lookalike: a mailbox's checksum is no text.
CREATE TABLE received_mails (
  id BIGINT PRIMARY KEY,
  message_checksum VARCHAR(64) NOT NULL
);

-- Fire: where a person checked in, owned through a declared key.
-- want: asset user-data checkins latitude,longitude
CREATE TABLE checkins (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION
);

-- Lookalike: a geocoding table: where postal codes are, no one's.
CREATE TABLE postal_code_geo (
  id BIGINT PRIMARY KEY,
  postal_code VARCHAR(16),
  city VARCHAR(128),
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION
);

-- Fire: a visitor's city beside the page they came from: analytics of
-- a person, though no one owns the row.
-- want: asset user-data page_visits city,referrer
CREATE TABLE page_visits (
  id BIGINT PRIMARY KEY,
  city VARCHAR(128),
  referrer VARCHAR(512)
);

-- Lookalike: an allow list of address ranges the operators keep; its
-- bounds are classed by their address type only, and no one owns it.
CREATE TABLE allowed_ranges (
  id BIGINT PRIMARY KEY,
  network VARCHAR(50) NOT NULL,
  first INET NOT NULL,
  last INET NOT NULL,
  description VARCHAR(512)
);

-- Fire: the addresses a person signs in from, owned through a key.
-- want: asset user-data known_networks first
CREATE TABLE known_networks (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  first INET NOT NULL
);

-- Lookalike: a group's folder mounts, rebuilt in place (SQLite's
-- copy-and-rename): its path is no one's, read once.
CREATE TABLE crews (
  id BIGINT PRIMARY KEY,
  title VARCHAR(255)
);
CREATE TABLE crew_mounts (
  id BIGINT PRIMARY KEY,
  crew_id BIGINT NOT NULL REFERENCES crews(id),
  mount_path TEXT NOT NULL
);
CREATE TABLE crew_mounts_new (
  id BIGINT PRIMARY KEY,
  crew_id BIGINT NOT NULL REFERENCES crews(id),
  mount_path TEXT NOT NULL,
  sort_order INT
);
INSERT INTO crew_mounts_new (id, crew_id, mount_path) SELECT id, crew_id, mount_path FROM crew_mounts;
DROP TABLE crew_mounts;
ALTER TABLE crew_mounts_new RENAME TO crew_mounts;

-- Lookalike: a remote search provider the app registered with: its
-- operator's contact address sits beside where the service answers.
CREATE TABLE search_providers (
  id BIGINT PRIMARY KEY,
  name VARCHAR(255),
  base_url VARCHAR(512),
  public_key TEXT,
  contact_email VARCHAR(255)
);

-- Lookalike: what the app asked that provider for.
CREATE TABLE provider_requests (
  id BIGINT PRIMARY KEY,
  search_provider_id BIGINT NOT NULL REFERENCES search_providers(id),
  category VARCHAR(64)
);

-- Fire: a subscriber's own row: an e-mail beside their homepage.
-- want: asset user-data subscribers email
CREATE TABLE subscribers (
  id BIGINT PRIMARY KEY,
  email VARCHAR(255) NOT NULL,
  homepage_url VARCHAR(512)
);

-- Lookalike: a message catalogue's keys, with the default text and the
-- source file each came from; only translations no one owns point at
-- them.
CREATE TABLE message_keys (
  id BIGINT PRIMARY KEY,
  default_message TEXT NOT NULL,
  source_file VARCHAR(512)
);
CREATE TABLE message_translations (
  id BIGINT PRIMARY KEY,
  message_key_id BIGINT NOT NULL REFERENCES message_keys(id),
  locale VARCHAR(8)
);

-- Fire: a draft's text and its file, which a person's share points at.
-- want: asset user-data drafts body,file_path
-- want: asset user-data draft_shares note
CREATE TABLE drafts (
  id BIGINT PRIMARY KEY,
  body TEXT NOT NULL,
  file_path VARCHAR(512)
);
CREATE TABLE draft_shares (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  draft_id BIGINT NOT NULL REFERENCES drafts(id),
  note TEXT
);
