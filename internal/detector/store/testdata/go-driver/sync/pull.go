// Package sync is a command that mirrors a remote archive to disk.
// Lookalike: its upload parameter is only logged; what it writes is a
// download, and the package takes no request.
package sync

import (
	"io"
	"log"
	"net/http"
	"os"
)

type UploadInfo struct{ Name string }

func Pull(url, dst string, last *UploadInfo) error {
	log.Printf("last upload %s", last.Name)
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer out.Close()
	_, err = io.Copy(out, resp.Body)
	return err
}
