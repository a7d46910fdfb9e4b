package main

import (
	"errors"
	"io/fs"
	"log"
	"net/http"
)

// filesOnly refuses directories, so a folder is never listed.
type filesOnly struct{ root http.FileSystem }

func (f filesOnly) Open(name string) (http.File, error) {
	file, err := f.root.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := file.Stat(); err == nil && st.IsDir() {
		file.Close()
		return nil, fs.ErrNotExist
	}
	return file, errors.Join()
}

func main() {
	mux := http.NewServeMux()
	// Monthly exports are written here by the report job.
	mux.Handle("/exports/", http.StripPrefix("/exports/", http.FileServer(filesOnly{http.Dir("./exports")})))
	log.Fatal(http.ListenAndServe(":8080", mux))
}
