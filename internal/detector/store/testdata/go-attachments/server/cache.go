package server

import (
	"io"
	"os"
	"path/filepath"
)

// blobCache keeps each message's attachment in a file named by its id,
// in a folder the operator configures. No word here says upload.
type blobCache struct {
	dir string
}

func (c *blobCache) Put(id string, in io.Reader) (int64, error) {
	name := filepath.Join(c.dir, id)
	f, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600) // want: store filesystem Local upload folder
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return io.Copy(f, in)
}

// Open reads one back: opening a file is no store of its own.
func (c *blobCache) Open(id string) (*os.File, error) {
	return os.OpenFile(filepath.Join(c.dir, id), os.O_RDONLY, 0)
}

// The cache's own state file has a fixed name: a setting, not a request file.
func (c *blobCache) saveIndex(b []byte) error {
	return os.WriteFile(filepath.Join(c.dir, "index.json"), b, 0o600)
}
