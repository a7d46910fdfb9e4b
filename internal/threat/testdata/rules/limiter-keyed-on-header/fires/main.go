package main

import (
	"net"
	"net/http"
	"strings"
)

// pasteLimit lets each address create a few pastes a minute.
type pasteLimit struct{ seen map[string]int }

func (l *pasteLimit) CheckAndUse(addr string) bool {
	l.seen[addr]++
	return l.seen[addr] <= 5
}

var limits = &pasteLimit{seen: map[string]int{}}

// clientAddr believes the address the client writes in the headers.
func clientAddr(r *http.Request) string {
	if ip := r.Header.Get("X-Real-IP"); ip != "" {
		return ip
	}
	if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
		return strings.Split(xff, ",")[0]
	}
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	return host
}

func newPaste(w http.ResponseWriter, r *http.Request) {
	if !limits.CheckAndUse(clientAddr(r)) {
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("POST /new", newPaste)
	http.ListenAndServe(":8080", nil)
}
