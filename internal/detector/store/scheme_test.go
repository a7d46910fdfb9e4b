package store

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"
)

// schemeReference is the pattern schemeURLs stands for.
var schemeReference = regexp.MustCompile(`['"=]\s*([a-z][a-z0-9+]*)://`)

func TestSchemeURLsMatchesReference(t *testing.T) {
	for _, s := range []string{
		"", "://", "'://", "'a://", "=postgres://u@h/db", `DATABASE_URL = "postgresql+psycopg2://x"`,
		"x = '  \t redis://h'", "'1abc://", "'a1+b://", "'Abc://", "a'b://", `"a://"b://c`, `"x://y://z`,
		"'a:/'b://", "= \n\r\fmongodb+srv://h", "''://'s3://b'", "'é://'", "= a ://", "'mysql://'mysql://",
	} {
		got, want := schemeURLs([]byte(s)), schemeReference.FindAllSubmatchIndex([]byte(s), -1)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v, want %v", s, got, want)
		}
	}
	n := 0
	err := filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		if got, want := schemeURLs(data), schemeReference.FindAllSubmatchIndex(data, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v, want %v", p, got, want)
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("compared %d files: %v", n, err)
	}
}

func FuzzSchemeURLs(f *testing.F) {
	for _, s := range []string{
		`DATABASE_URL = "postgres://u:p@h:5432/db"`,
		"REDIS_URL='redis://cache:6379/0'\nAMQP= amqp://q",
		`"a://"b://c 'x://y://z'`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := schemeURLs(b), schemeReference.FindAllSubmatchIndex(b, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v, want %v", b, got, want)
		}
	})
}
