-- Lookalike: two tables keep an e-mail and a password, so a "user"
-- column names neither: the note is read as before.
-- want: asset user-data admins email,password_hash
CREATE TABLE admins (
  id TEXT PRIMARY KEY,
  email TEXT,
  password_hash TEXT
);

-- want: asset user-data members email,password_hash
CREATE TABLE members (
  id TEXT PRIMARY KEY,
  email TEXT,
  password_hash TEXT
);

CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  "user" TEXT NOT NULL,
  title TEXT
);
