package store

import (
	"database/sql"
	"fmt"

	"example.org/sqlbuild"
)

// by builds its WHERE from a condition every caller writes itself, the
// value bound: no request's text reaches the SQL.
func (b *Books) by(condition string, value interface{}) *sql.Row {
	return b.db.QueryRow("SELECT title FROM books WHERE "+condition, value)
}

func (b *Books) ByID(id int64) *sql.Row { return b.by("id = ?", id) }

func (b *Books) ByISBN(isbn string) *sql.Row { return b.by("isbn = "+"?", isbn) }

// sorted is given its ORDER BY by a caller that passes its own parameter
// on: whatever reaches Sorted reaches the SQL.
func (b *Books) sorted(order string) (*sql.Rows, error) {
	return b.db.Query("SELECT title FROM books ORDER BY " + order) // want: sql-injection via=- reach=none
}

func (b *Books) Sorted(order string) (*sql.Rows, error) { return b.sorted(order) }

// Expire formats a number into the SQL: a number writes no SQL.
func (b *Books) Expire(days int) {
	b.db.Exec("DELETE FROM loans WHERE due < " + interval(days))
}

func interval(n int) string { return fmt.Sprintf("NOW() - INTERVAL %d DAY", n) }

// ExpireBy is given the interval as text: whatever the caller passes.
func (b *Books) ExpireBy(period string) {
	b.db.Exec("DELETE FROM loans WHERE due < NOW() - INTERVAL " + period) // want: sql-injection via=- reach=none
}

// Rename updates through a builder: its text is the columns' placeholders,
// the title goes bound with the builder's values.
func (b *Books) Rename(id int64, title string) {
	q := sqlbuild.NewUpdate()
	q.Set(title, "title")
	q.Append(id)
	b.db.Exec("UPDATE books SET "+q.Updates+" WHERE id = ?", q.Params...)
}

// Retitle joins a value into the text beside the builder's: that one is
// not bound.
func (b *Books) Retitle(title string) {
	q := sqlbuild.NewUpdate()
	q.Set(title, "title")
	b.db.Exec("UPDATE books SET "+q.Updates+" WHERE title = '"+title+"'", q.Params...) // want: sql-injection via=- reach=none
}
