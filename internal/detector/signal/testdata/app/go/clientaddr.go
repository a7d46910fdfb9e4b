package main

import (
	"net"
	"net/http"
	"strings"
)

var trustProxy bool

// clientAddr believes whatever address the client puts in the headers.
func clientAddr(r *http.Request) string {
	if ip := r.Header.Get("X-Real-IP"); ip != "" { // want: weakness limiter-keyed-on-header
		return ip
	}
	if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
		return strings.Split(xff, ",")[0]
	}
	return peerAddr(r)
}

// proxiedAddr reads the header only behind a proxy the operator trusts.
func proxiedAddr(r *http.Request) string {
	if trustProxy {
		return r.Header.Get("X-Forwarded-For")
	}
	return peerAddr(r)
}

func peerAddr(r *http.Request) string {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	return host
}
