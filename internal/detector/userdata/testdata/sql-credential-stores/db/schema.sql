-- The app's own credentials for the services it uses, kept in rows no
-- person owns, are credentials; a secret that names its person, or one
-- the app hands a person, is that person's data.

-- want: asset user-data accounts email,password_hash
CREATE TABLE accounts (
  id BIGINT PRIMARY KEY,
  email VARCHAR(255) NOT NULL,
  password_hash VARCHAR(255) NOT NULL
);

-- Fire: an OAuth client registered with the app: its secret is the
-- app's, though each grant below names a person.
-- want: asset credentials oauth_clients secret
CREATE TABLE oauth_clients (
  id BIGINT PRIMARY KEY,
  guid VARCHAR(255) NOT NULL,
  secret VARCHAR(255) NOT NULL,
  name VARCHAR(255),
  redirect_uris TEXT
);

-- want: asset user-data oauth_grants scopes
CREATE TABLE oauth_grants (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  client_id BIGINT NOT NULL REFERENCES oauth_clients(id),
  scopes TEXT
);

-- Fire: a storage disk's keys, as one JSON document.
-- want: asset credentials storage_disks credentials
CREATE TABLE storage_disks (
  id BIGINT PRIMARY KEY,
  name VARCHAR(255),
  driver VARCHAR(64),
  credentials TEXT
);

-- Fire: the instance's one settings row, with a model provider's key.
-- want: asset credentials instance_settings llm_api_key
CREATE TABLE instance_settings (
  id BIGINT PRIMARY KEY,
  app_title VARCHAR(255),
  llm_api_key VARCHAR(255)
);

-- Lookalike: a person's key for a service, owned through a declared key.
-- want: asset user-data account_api_keys api_key
CREATE TABLE account_api_keys (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  api_key VARCHAR(255)
);

-- Lookalike: a secret on a row that may point at any model, a person
-- among them.
-- want: asset user-data linked_secrets secret
CREATE TABLE linked_secrets (
  id BIGINT PRIMARY KEY,
  holder_type VARCHAR(255),
  holder_id BIGINT,
  secret VARCHAR(255)
);

-- Lookalike: a reset token the app hands a person, with no key to them.
-- want: asset user-data reset_tokens token
CREATE TABLE reset_tokens (
  id BIGINT PRIMARY KEY,
  token VARCHAR(255)
);
