package sqlite3

import (
	"context"
	"database/sql"
	"fmt"
)

// A goose migration in Go that names its tables at run time: no reader
// follows the list, so what the PostgreSQL history beside it renames and
// drops is taken for this one too.
func Up20240301(ctx context.Context, tx *sql.Tx) error {
	for _, r := range []struct{ from, to string }{{"parcels", "shipments"}} {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`ALTER TABLE %s RENAME TO %s;`, r.from, r.to)); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, fmt.Sprintf(`DROP TABLE %s;`, "drafts"))
	return err
}
