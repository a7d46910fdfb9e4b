// Package disk is the local storage driver: the file manager hands it
// each upload to keep under the configured root. It reads no request of
// its own; the upload it is given is what a user sent.
package disk

import (
	"context"
	"io"
	"os"
	"path/filepath"

	"example.com/vault/fs"
)

type Driver struct{ root string }

func (d *Driver) Put(ctx context.Context, up *fs.UploadRequest) error {
	dst := filepath.Join(d.root, filepath.FromSlash(up.SavePath))
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_RDWR, 0o644) // want: store filesystem Local upload folder
	if err != nil {
		return err
	}
	defer out.Close()
	_, err = io.Copy(out, up)
	return err
}
