package main

import (
	"database/sql"
	"os"
	"os/exec"

	"example.com/shelf/internal/store"
)

// A migration command: its input is the operator's, no request reaches it.
func main() {
	db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	store.New(db).Truncate(os.Args[1])
	exec.Command("sh", "-c", "pg_dump "+os.Args[2]).Run()
	purge(db, os.Args[3])
	run(os.Args[4], "--version")
	exec1(db, "VACUUM")
}

// exec1 runs the statement it is given: a helper, no text built.
func exec1(db *sql.DB, stmt string) {
	db.Exec(stmt)
}

// run starts the program it is given: a wrapper, no text built.
func run(prog string, args ...string) error {
	return exec.Command(prog, args...).Run()
}

// purge builds SQL from its parameter: an injection if a caller passed
// request data, and none does.
func purge(db *sql.DB, table string) {
	db.Exec("DELETE FROM " + table + " WHERE expired") // want: sql-injection via=- reach=none
}
