package main

import (
	"crypto/md5"
	"fmt"
	"net/http"

	"golang.org/x/time/rate"
)

var limiter = rate.NewLimiter(5, 10) // built, not yet applied

func hash(password string) [16]byte {
	return md5.Sum([]byte(password)) // want: weakness weak-password-hash
}

func find(db DB, r *http.Request) {
	db.Query(fmt.Sprintf("SELECT * FROM docs WHERE id = %s", r.URL.Query().Get("id"))) // want: weakness sql-injection
}

func guarded(w http.ResponseWriter, r *http.Request) {
	if !limiter.Allow() { // want: control rate-limit
		http.Error(w, "slow down", http.StatusTooManyRequests)
	}
}

func safeFind(db DB, id string) {
	db.Query("SELECT * FROM docs WHERE id = $1", id)
}
