package api

import "database/sql"

// The insert names the site's own key with no type: it stays the row's
// key, not a field the owner keeps.
func siteNew(db *sql.DB, site, accountHex, title string) error {
	_, err := db.Exec(`INSERT INTO sites (site, accountHex, title, creationDate) VALUES ($1, $2, $3, now())`, site, accountHex, title)
	return err
}
