package main

import (
	"crypto/tls"
	"fmt"
	"net/http"
	"os/exec"
)

func sysinfo(w http.ResponseWriter, r *http.Request) {
	out, _ := exec.Command("sh", "-c", "uname "+r.URL.Query().Get("flag")).Output() // want: weakness command-injection
	line := r.FormValue("cmd")
	exec.Command("bash", "-c", line).Run()                 // want: weakness command-injection
	exec.Command("uname", r.URL.Query().Get("flag")).Run() // no shell: safe
	w.Write(out)
}

func next(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound) // want: weakness open-redirect
	http.Redirect(w, r, "/home", http.StatusFound)
}

func orders(db DB, w http.ResponseWriter, r *http.Request) {
	q := fmt.Sprintf("SELECT * FROM orders WHERE status = '%s'", r.FormValue("status"))
	db.Query(q) // want: weakness sql-injection
}

func preview(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("u")
	resp, _ := http.Get(target) // want: weakness ssrf
	defer resp.Body.Close()
}

var insecure = &tls.Config{InsecureSkipVerify: true} // want: weakness tls-unverified
