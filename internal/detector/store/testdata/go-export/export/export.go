// Package export writes one report per account to a folder: a command
// line tool's output. Nothing in this package takes a request, so these
// files are not anyone's uploads.
package export

import (
	"os"
	"path/filepath"
)

func WriteReports(dir string, reports map[string][]byte) error {
	for id, b := range reports {
		f, err := os.Create(filepath.Join(dir, id+".csv"))
		if err != nil {
			return err
		}
		if _, err := f.Write(b); err != nil {
			f.Close()
			return err
		}
		f.Close()
	}
	return nil
}

// The response of a call this tool makes is no request it takes.
func readAll(resp interface{ Close() error }) error { return resp.Close() }
