package store

// The tables are created from SQL in a Go string; no column declares a
// foreign key. Which columns hold an account's id is told by the
// handlers: what they write from the signed-in account, and what they
// compare with it.
const schema = `
-- want: asset user-data accounts display_name,password
CREATE TABLE "accounts" (
	"Id"	INTEGER NOT NULL UNIQUE,
	"display_name"	TEXT NOT NULL,
	"password"	TEXT NOT NULL,
	PRIMARY KEY("Id" AUTOINCREMENT)
);
-- want: asset user-data device_links Expiry
CREATE TABLE "device_links" (
	"Id"	TEXT NOT NULL UNIQUE,
	"Expiry"	INTEGER NOT NULL,
	"AccountId"	INTEGER NOT NULL
);
-- want: asset user-data shelves Label
CREATE TABLE "shelves" (
	"Id"	TEXT NOT NULL UNIQUE,
	"Label"	TEXT NOT NULL,
	"OwnerId"	INTEGER NOT NULL
);
-- A column to a folder, compared with a folder's id: not a person's.
CREATE TABLE "folder_entries" (
	"Id"	TEXT NOT NULL UNIQUE,
	"FolderId"	INTEGER NOT NULL,
	"Position"	INTEGER NOT NULL
);
-- A column named like a person's key that no handler writes or compares
-- with the caller's id: who fills it is unknown.
CREATE TABLE "ratings" (
	"Id"	TEXT NOT NULL UNIQUE,
	"ReviewerId"	INTEGER NOT NULL,
	"Score"	INTEGER NOT NULL
);
-- The caller's id written into a text column: the accounts' key is an
-- integer, so this holds some other id (a public handle).
CREATE TABLE "mirrors" (
	"Id"	TEXT NOT NULL UNIQUE,
	"SourceRef"	TEXT NOT NULL
);
`
