package main

import "net/http"

type limitSystem struct{ seen map[string]int }

func (l *limitSystem) CheckAndUse(addr string) error { return nil }

var pasteLimits = &limitSystem{seen: map[string]int{}}

func newPaste(w http.ResponseWriter, r *http.Request) {
	if err := pasteLimits.CheckAndUse(clientAddr(r)); err != nil { // want: weakness limiter-keyed-on-header
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	addr := proxiedAddr(r)
	if err := pasteLimits.CheckAndUse(addr); err != nil {
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	if err := pasteLimits.CheckAndUse(peerAddr(r)); err != nil {
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	fwd := r.Header.Get("X-Forwarded-For")
	if err := pasteLimits.CheckAndUse(fwd); err != nil { // want: weakness limiter-keyed-on-header
		http.Error(w, "slow down", http.StatusTooManyRequests)
	}
}
