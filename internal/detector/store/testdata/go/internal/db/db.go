package db

import (
	"database/sql"
	"os"

	_ "github.com/lib/pq" // want: store postgres PostgreSQL (DATABASE_URL)
)

// Open connects to the database.
func Open() (*sql.DB, error) {
	return sql.Open("postgres", os.Getenv("DATABASE_URL"))
}
