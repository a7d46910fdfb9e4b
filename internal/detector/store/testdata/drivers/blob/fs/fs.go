// A blob service's fs driver: files by key under a configured path, read
// back and deleted by key. want: store filesystem Local file storage (blob/fs)
package fs

import (
	"os"
	"path/filepath"
)

type Config struct{ Path string }

func Store(c Config, key string, data []byte) error {
	full := keyPath(c, key)
	return os.WriteFile(full, data, 0o600)
}

func keyPath(c Config, key string) string { return filepath.Join(c.Path, key) }

func Get(c Config, key string) ([]byte, error) { return os.ReadFile(filepath.Join(c.Path, key)) }

func Delete(c Config, key string) error { return os.Remove(filepath.Join(c.Path, key)) }
