package main

import (
	"crypto/subtle"
	"log"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"strings"
)

var trustedIPs = strings.Split(os.Getenv("TRUSTED_IPS"), ",")

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{code}", redirect)
	mux.Handle("/debug/pprof/", ipAllowlist(http.HandlerFunc(pprof.Index)))
	mux.Handle("/debug/pprof/heap", ipAllowlist(http.HandlerFunc(pprof.Index)))
	mux.HandleFunc("GET /metrics", metrics)
	log.Fatal(http.ListenAndServe(":8080", mux))
}

// ipAllowlist serves the wrapped handler only to the operators' addresses.
func ipAllowlist(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, _ := net.SplitHostPort(r.RemoteAddr)
		for _, ip := range trustedIPs {
			if host == ip {
				next.ServeHTTP(w, r)
				return
			}
		}
		http.NotFound(w, r)
	})
}

func redirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "https://example.com/"+r.PathValue("code"), http.StatusFound)
}

// metrics answers only the scraper: the function it branches on checks
// the shared password.
func metrics(w http.ResponseWriter, r *http.Request) {
	if !scraperAllowed(r) {
		http.NotFound(w, r)
		return
	}
	w.Write([]byte("links_total 42\n"))
}

func scraperAllowed(r *http.Request) bool {
	user, pass, ok := r.BasicAuth()
	return ok && user == "scraper" && subtle.ConstantTimeCompare([]byte(pass), []byte(os.Getenv("METRICS_PASSWORD"))) == 1
}
