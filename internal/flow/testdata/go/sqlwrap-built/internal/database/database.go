package database

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

// DB reads from one pool and writes to another.
type DB struct {
	reader, writer *sqlx.DB
}

func New(reader, writer *sqlx.DB) *DB { return &DB{reader: reader, writer: writer} }

// ExecContext runs a statement on the writer, with its values bound.
func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return db.writer.ExecContext(ctx, query, args...)
}

func (db *DB) withTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := db.writer.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// SaveTitles stores each title through a prepared statement: the titles
// are its bound values, and its ExecContext is the driver's, not the
// wrapper's of the same name.
func (db *DB) SaveTitles(ctx context.Context, titles []string) error {
	return db.withTx(ctx, func(tx *sqlx.Tx) error {
		stmt, err := tx.Preparex(`INSERT INTO bookmark (title) VALUES (?)`)
		if err != nil {
			return err
		}
		for _, t := range titles {
			if _, err := stmt.ExecContext(ctx, t); err != nil {
				return err
			}
		}
		return nil
	})
}

// RenameTag binds the name beside a fixed statement.
func (db *DB) RenameTag(ctx context.Context, id int, name string) error {
	_, err := db.ExecContext(ctx, "UPDATE tag SET name = ? WHERE id = ?", name, id)
	return err
}

// DeleteTag pastes the name into the statement's text.
func (db *DB) DeleteTag(ctx context.Context, name string) error {
	_, err := db.ExecContext(ctx, "DELETE FROM tag WHERE name = '"+name+"'") // want: sql-injection via=query
	return err
}
