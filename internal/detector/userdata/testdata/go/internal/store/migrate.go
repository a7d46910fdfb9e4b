package store

import "database/sql"

// Migrations kept as SQL strings in code: the tables are read from the
// literals, their later ALTER TABLE columns and renames with them.
var migrations = []func(*sql.Tx) error{
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			CREATE TABLE members ( -- want: asset user-data members email,last_seen_ip,phone_number,recovery_codes
				id bigserial primary key,
				email text not null unique,
				email_verified bool default 'f',
				phone bool default 'f',
				last_seen_ip inet,
				password_changed_at timestamptz
			);
			CREATE TABLE login_sessions ( -- want: asset user-data member_sessions token
				id bigserial primary key,
				token text not null
			);
			CREATE TABLE settings (
				id serial primary key,
				theme text,
				prompt_count int
			);`)
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`ALTER TABLE members ADD COLUMN phone_number text, ADD COLUMN recovery_codes text[]`)
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec("ALTER TABLE login_sessions RENAME TO member_sessions")
		return err
	},
	// A table created, then dropped by a later step: no longer kept.
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`CREATE TABLE pending_emails (id bigserial primary key, email text)`)
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`DROP TABLE IF EXISTS pending_emails`)
		return err
	},
	// SQLite's rebuild: a copy built beside the table, the table
	// dropped, the copy renamed over it. The table stays.
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			CREATE TABLE contacts_new (id integer primary key, phone text); -- want: asset user-data contacts phone
			INSERT INTO contacts_new SELECT id, phone FROM contacts;
			DROP TABLE contacts;
			ALTER TABLE contacts_new RENAME TO contacts;`)
		return err
	},
}

// A query is no declaration: its columns are not a table's.
const findMember = `SELECT email, password FROM members WHERE id = $1`

// A string that mentions a table in prose declares nothing.
const help = "run the migrations to create table members"
