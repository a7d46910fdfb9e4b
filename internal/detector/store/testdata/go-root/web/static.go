// Package web serves the site's own assets from a folder opened as an
// os.Root: it only reads through it, so it keeps nothing (lookalike).
package web

import (
	"io"
	"os"
)

// Asset opens one asset.
func Asset(dir, name string) (io.ReadCloser, error) {
	rt, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return rt.Open(name)
}
