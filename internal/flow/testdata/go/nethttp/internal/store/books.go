package store

import (
	"database/sql"
)

type Books struct{ db *sql.DB }

func New(db *sql.DB) *Books { return &Books{db: db} }

func (b *Books) ByAuthor(author string) ([]string, error) {
	rows, err := b.db.Query("SELECT title FROM books WHERE author = '" + author + "'") // want: sql-injection via=query
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		rows.Scan(&t)
		out = append(out, t)
	}
	return out, nil
}

// Truncate is called only by the migration command.
func (b *Books) Truncate(table string) error {
	_, err := b.db.Exec("TRUNCATE " + table)
	return err
}
