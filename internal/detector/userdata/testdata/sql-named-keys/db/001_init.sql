-- Keys named after their tables, and no foreign key declared: a column
-- named like another table's key holds that table's key.

-- want: asset user-data accounts email,passwordHash
CREATE TABLE IF NOT EXISTS accounts (
  accountHex    TEXT NOT NULL UNIQUE PRIMARY KEY,
  email         TEXT NOT NULL,
  passwordHash  TEXT NOT NULL,
  resetCount    INTEGER NOT NULL DEFAULT 0
);

-- The code mailed to confirm an account: its holder acts as the person.
-- Renamed later: known by its final name.
-- want: asset user-data confirmCodes confirmCode
CREATE TABLE IF NOT EXISTS accountConfirmCodes (
  confirmCode   TEXT NOT NULL UNIQUE PRIMARY KEY,
  accountHex    TEXT NOT NULL,
  sendDate      TIMESTAMP NOT NULL
);

-- A site an account owns, keyed by its own name.
-- want: asset user-data sites creationDate,title
CREATE TABLE IF NOT EXISTS sites (
  site          TEXT NOT NULL PRIMARY KEY,
  accountHex    TEXT NOT NULL,
  title         TEXT NOT NULL,
  creationDate  TIMESTAMP NOT NULL
);

-- A page view: the site's and the visitor account's.
-- want: asset user-data views viewDate
CREATE TABLE IF NOT EXISTS views (
  site          TEXT NOT NULL,
  accountHex    TEXT NOT NULL,
  viewDate      TIMESTAMP NOT NULL
);

-- Lookalike: a key named for no table (code) is no key to it, though a
-- coupon has a column of that name; a color in hex is no one's.
-- want: asset user-data members email
CREATE TABLE IF NOT EXISTS members (
  code          TEXT NOT NULL PRIMARY KEY,
  email         TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS coupons (
  code          TEXT NOT NULL,
  colorHex      TEXT NOT NULL,
  promoCode     TEXT NOT NULL,
  discount      INTEGER NOT NULL
);

-- Lookalike: an integer column of the key's name holds another value.
CREATE TABLE IF NOT EXISTS stats (
  accountHex    INTEGER NOT NULL,
  hits          INTEGER NOT NULL
);
