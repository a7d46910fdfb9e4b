// Lookalike: a debug dump written by key and never read back or deleted.
package fs

import (
	"os"
	"path/filepath"
)

func Dump(dir, name string, data []byte) error {
	return os.WriteFile(filepath.Join(dir, name), data, 0o600)
}
