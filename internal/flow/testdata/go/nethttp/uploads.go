package main

import (
	"archive/zip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

const uploadDir = "/srv/uploads"

// The uploaded file's own name picks where it is written.
func (s *server) upload(w http.ResponseWriter, r *http.Request) {
	f, header, err := r.FormFile("file")
	if err != nil {
		return
	}
	defer f.Close()
	out, err := os.Create(filepath.Join(uploadDir, header.Filename)) // want: path-traversal via=file-name
	if err != nil {
		return
	}
	io.Copy(out, f)
}

// Lookalike: only the base name is kept.
func (s *server) uploadSafe(w http.ResponseWriter, r *http.Request) {
	f, header, err := r.FormFile("file")
	if err != nil {
		return
	}
	out, err := os.Create(filepath.Join(uploadDir, filepath.Base(header.Filename)))
	if err != nil {
		return
	}
	io.Copy(out, f)
}

// Zip slip: each entry's name joined to the folder with no root check.
func (s *server) unpack(w http.ResponseWriter, r *http.Request) {
	f, header, err := r.FormFile("bundle")
	if err != nil {
		return
	}
	zr, err := zip.NewReader(f, header.Size)
	if err != nil {
		return
	}
	for _, zf := range zr.File {
		dst := filepath.Join(uploadDir, zf.Name)
		out, _ := os.Create(dst) // want: path-traversal via=file-name
		rc, _ := zf.Open()
		io.Copy(out, rc)
	}
}

// Lookalike: the joined path is checked against the root first.
func (s *server) unpackSafe(w http.ResponseWriter, r *http.Request) {
	f, header, err := r.FormFile("bundle")
	if err != nil {
		return
	}
	zr, err := zip.NewReader(f, header.Size)
	if err != nil {
		return
	}
	for _, zf := range zr.File {
		dst := filepath.Join(uploadDir, zf.Name)
		if !strings.HasPrefix(dst, filepath.Clean(uploadDir)+string(os.PathSeparator)) {
			continue
		}
		out, _ := os.Create(dst)
		rc, _ := zf.Open()
		io.Copy(out, rc)
	}
}
