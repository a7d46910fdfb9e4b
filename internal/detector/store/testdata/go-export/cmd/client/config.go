// A command-line client saves its settings (the server's URL, the
// default upload options) to the user's home folder and downloads files
// there: the user's disk, not the server's store.
package main

import (
	"io"
	"net/http"
	"os"
)

// UploadConfig are the client's defaults for each upload.
type UploadConfig struct{ OneShot bool }

func saveConfig(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(b)
	return err
}

// download writes the response of a call the client makes.
func download(url, dst string) error {
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
