// Package server keeps uploaded files. Its route constants name URL paths,
// not folders: the row has no folder name from them.
package server

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
)

const (
	mkdirPath  = "/api/v1/mkdir"
	uploadPath = "/api/v1/upload"
)

type router interface {
	Post(pattern string, h http.HandlerFunc)
}

type files struct{ base string }

func (s *files) routes(r router) {
	r.Post(mkdirPath+"/{name}", s.mkdir)
	r.Post(uploadPath, s.upload)
}

func (s *files) mkdir(w http.ResponseWriter, r *http.Request) {
	_ = os.MkdirAll(filepath.Join(s.base, r.PathValue("name")), 0o700)
}

func (s *files) upload(w http.ResponseWriter, r *http.Request) {
	file, _, err := r.FormFile("file")
	if err != nil {
		return
	}
	defer file.Close()
	out, err := os.Create(filepath.Join(s.base, r.FormValue("name"))) // want: store filesystem Local upload folder
	if err != nil {
		return
	}
	defer out.Close()
	_, _ = io.Copy(out, file)
}
