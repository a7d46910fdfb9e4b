package files

import (
	"database/sql"
	_ "github.com/mattn/go-sqlite3"
)

var _ = sql.Open
