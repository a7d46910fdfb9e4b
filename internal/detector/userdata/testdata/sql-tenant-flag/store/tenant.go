package store

import "database/sql"

// The insert names the flag with no type: its name alone must not make
// the site a person.
func AddTenant(db *sql.DB, name, subdomain string) error {
	_, err := db.Exec(`INSERT INTO tenants (name, subdomain, is_email_auth_allowed) VALUES ($1, $2, TRUE)`, name, subdomain)
	return err
}
