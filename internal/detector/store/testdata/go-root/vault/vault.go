// Package vault keeps each account's files under a folder of its own,
// through an os.Root that confines every path to that folder.
package vault

import (
	"io"
	"os"
)

// Vault is one account's folder.
type Vault struct {
	dir string
}

func (v *Vault) root() (*os.Root, error) {
	return os.OpenRoot(v.dir)
}

// Put writes a file the account sends.
func (v *Vault) Put(name string, r io.Reader) error {
	rt, err := v.root()
	if err != nil {
		return err
	}
	defer rt.Close()
	f, err := rt.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600) // want: store filesystem Local file storage (vault)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(f, r)
	return err
}

// Get reads one back.
func (v *Vault) Get(name string) (io.ReadCloser, error) {
	rt, err := v.root()
	if err != nil {
		return nil, err
	}
	return rt.Open(name)
}

// Delete removes one.
func (v *Vault) Delete(name string) error {
	rt, err := v.root()
	if err != nil {
		return err
	}
	return rt.Remove(name)
}
