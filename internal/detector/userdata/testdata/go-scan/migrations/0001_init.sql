-- want: asset user-data members email,full_name
CREATE TABLE members (
  id SERIAL PRIMARY KEY,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL
);

-- The app's registration with each sign-in provider: its credential, no
-- person's.
-- want: asset credentials sign_in_providers client_secret
CREATE TABLE sign_in_providers (
  id SERIAL PRIMARY KEY,
  provider TEXT NOT NULL,
  client_id TEXT NOT NULL,
  client_secret TEXT NOT NULL,
  authorize_url TEXT NOT NULL
);

-- want: asset user-data notes body
CREATE TABLE notes (
  id SERIAL PRIMARY KEY,
  member_id INT NOT NULL REFERENCES members(id),
  body TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

-- The migration tool's own ledger: which files ran, when. No one's data.
CREATE TABLE migrations_history (
  version BIGINT NOT NULL PRIMARY KEY,
  filename VARCHAR(255) NOT NULL,
  date TIMESTAMPTZ NOT NULL
);

-- Lookalike: a member's import from another service, with their key.
-- want: asset user-data migration_runs source_file
CREATE TABLE migration_runs (
  id SERIAL PRIMARY KEY,
  member_id INT NOT NULL REFERENCES members(id),
  source_file TEXT NOT NULL
);
