package export

import (
	"encoding/gob"
	"os"
)

// Record types in a dump: an upload's metadata, a user.
const (
	recordUpload = iota
	recordUser
)

// Dump writes the metadata to the path an admin command was given.
func Dump(path string, records []any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return gob.NewEncoder(f).Encode(records)
}
