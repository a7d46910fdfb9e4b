package userdata

import (
	"slices"
	"testing"
)

func TestComparePathsNumbersByValue(t *testing.T) {
	paths := []string{
		"migration/sqlite/0.26/00__drop_memo_organizer.sql",
		"migration/sqlite/0.5/00__memo.sql",
		"migration/sqlite/0.7/01__rename.sql",
		"db/10_users.up.sql",
		"db/9_init.up.sql",
		"db/09_init.up.sql",
		"migrations/20240102_b.sql",
		"migrations/20240101_a.sql",
	}
	slices.SortFunc(paths, comparePaths)
	want := []string{
		"db/09_init.up.sql",
		"db/9_init.up.sql",
		"db/10_users.up.sql",
		"migration/sqlite/0.5/00__memo.sql",
		"migration/sqlite/0.7/01__rename.sql",
		"migration/sqlite/0.26/00__drop_memo_organizer.sql",
		"migrations/20240101_a.sql",
		"migrations/20240102_b.sql",
	}
	if !slices.Equal(paths, want) {
		t.Errorf("order:\n got %q\nwant %q", paths, want)
	}
}

func TestHistoryRoot(t *testing.T) {
	tests := []struct{ file, want string }{
		{"migrations/0001_init.sql", "migrations"},
		{"prisma/migrations/20240101_init/migration.sql", "prisma/migrations"},
		// Sibling folders per database are histories of their own.
		{"migrations/postgres/0001_init.sql", "migrations/postgres"},
		{"migrations/sqlite3/0001_init.sql", "migrations/sqlite3"},
		// A release's folder is a step of the history above it.
		{"store/migration/sqlite/0.26/00__x.sql", "store/migration/sqlite"},
		{"store/migration/sqlite/v1.2/00__x.sql", "store/migration/sqlite"},
		// A folder that is only a number, or a name with a number, is not a release.
		{"migrations/2/0001_x.sql", "migrations/2"},
		{"migrations/v2api/0001_x.sql", "migrations/v2api"},
	}
	for _, tt := range tests {
		if got := historyRoot(tt.file); got != tt.want {
			t.Errorf("historyRoot(%q) = %q, want %q", tt.file, got, tt.want)
		}
	}
}
