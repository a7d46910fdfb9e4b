-- The person table is not called users: a "user" column still holds
-- its id, and a column named as a table's singular holds that table's.
-- want: asset user-data accounts email,pass
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  email TEXT,
  pass TEXT
);

-- want: asset user-data wallets name
CREATE TABLE wallets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  "user" TEXT NOT NULL
);

-- want: asset user-data transfers status
CREATE TABLE transfers (
  hash TEXT PRIMARY KEY,
  wallet TEXT NOT NULL,
  status TEXT
);

-- want: asset user-data uploads size
CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  size INTEGER
);

-- Lookalikes: a label column beside a labels table keyed by integers
-- holds text, not a label's id; a table that declares its keys declares
-- them all. The labels are a user's; neither the cards nor the tiles are.
-- want: asset user-data labels caption
CREATE TABLE labels (
  id INTEGER PRIMARY KEY,
  caption TEXT,
  "user" TEXT
);

CREATE TABLE cards (
  id TEXT PRIMARY KEY,
  label TEXT,
  colour TEXT
);

CREATE TABLE tiles (
  id TEXT PRIMARY KEY,
  board TEXT REFERENCES boards (id),
  wallet TEXT,
  colour TEXT
);

CREATE TABLE boards (
  id TEXT PRIMARY KEY,
  title TEXT
);
