package uploads

import (
	"io"
	"os"
)

// save writes an upload where it is told: the path is a parameter, and
// this file reads no request, but its package's handler passes it one.
func save(dst string, in io.Reader) error {
	f, err := os.Create(dst) // want: store filesystem Local upload folder
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(f, in)
	return err
}
