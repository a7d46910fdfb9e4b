-- want: asset user-data members email,full_name
CREATE TABLE members (
  id SERIAL PRIMARY KEY,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL
);

-- want: asset user-data sign_in_providers client_secret
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
