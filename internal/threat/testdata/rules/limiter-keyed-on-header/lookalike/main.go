package main

import (
	"net"
	"net/http"
)

// pasteLimit lets each address create a few pastes a minute.
type pasteLimit struct{ seen map[string]int }

func (l *pasteLimit) CheckAndUse(addr string) bool {
	l.seen[addr]++
	return l.seen[addr] <= 5
}

var limits = &pasteLimit{seen: map[string]int{}}

// clientAddr is the connection's own address; the forwarded one is only
// echoed back for debugging.
func clientAddr(r *http.Request) string {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	return host
}

func newPaste(w http.ResponseWriter, r *http.Request) {
	if !limits.CheckAndUse(clientAddr(r)) {
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	w.Header().Set("X-Seen-Forwarded-For", r.Header.Get("X-Forwarded-For"))
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("POST /new", newPaste)
	http.ListenAndServe(":8080", nil)
}
