-- One history per database: this folder is PostgreSQL's, sqlite3/ beside
-- it is SQLite's. Each renames parcels and drops drafts; the other's
-- first step, which sorts after this folder's last, revives neither;
-- what this history renames and drops is taken for both.
CREATE TABLE "parcels" ("id" uuid NOT NULL, "recipient_address" character varying NOT NULL, PRIMARY KEY ("id"));
CREATE TABLE "drafts" ("id" uuid NOT NULL, "notes" text NULL, PRIMARY KEY ("id"));
-- A foreign key column is another row's key, whatever its name says
-- (ent names it for the edge): shelves holds nothing personal, and
-- sessions' key to its user is no token.
CREATE TABLE "shelves" ("id" uuid NOT NULL, "label" character varying NOT NULL, "location_children" uuid NULL, PRIMARY KEY ("id"), CONSTRAINT "shelves_shelves_children" FOREIGN KEY ("location_children") REFERENCES "shelves" ("id") ON DELETE SET NULL);
CREATE TABLE "sessions" ("id" uuid NOT NULL, "token" bytea NOT NULL, "user_auth_tokens" uuid NULL, PRIMARY KEY ("id"), CONSTRAINT "sessions_users_auth_tokens" FOREIGN KEY ("user_auth_tokens") REFERENCES "accounts" ("id") ON DELETE CASCADE); -- want: asset user-data sessions token
