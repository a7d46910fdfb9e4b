package main

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"

	"example.com/linkcard/internal/safenet"
)

var errInternal = errors.New("refusing an internal address")

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /preview", preview)
	mux.HandleFunc("GET /preview/shared", previewShared)
	mux.HandleFunc("GET /preview/checked", previewChecked)
	mux.HandleFunc("GET /preview/timeout", previewTimeout)
	mux.HandleFunc("GET /preview/logged", previewLogged)
	log.Fatal(http.ListenAndServe(":8080", mux))
}

// preview's dialer refuses a private or loopback address once DNS has
// answered: the guard is at the client that makes the request.
func preview(w http.ResponseWriter, r *http.Request) {
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	dialer.Control = func(network, address string, c syscall.RawConn) error {
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return err
		}
		if ip := net.ParseIP(host); ip == nil || ip.IsPrivate() || ip.IsLoopback() {
			return errInternal
		}
		return nil
	}
	client := &http.Client{Transport: &http.Transport{DialContext: dialer.DialContext}}
	req, _ := http.NewRequest("GET", r.URL.Query().Get("url"), nil) // want: ssrf via=query guarded
	resp, err := client.Do(req)
	if err != nil {
		http.Error(w, "fetch failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, io.LimitReader(resp.Body, 4096))
}

// previewShared's client comes from a package of the repository whose
// DialContext picks the first public address and fails without one.
func previewShared(w http.ResponseWriter, r *http.Request) {
	client := safenet.Client(10 * time.Second)
	req, _ := http.NewRequest("GET", r.URL.Query().Get("url"), nil) // want: ssrf via=query guarded
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	resp.Body.Close()
}

// previewChecked resolves the host and ends the request for an internal
// address before it fetches.
func previewChecked(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	u, err := url.Parse(target)
	if err != nil {
		return
	}
	ips, err := net.DefaultResolver.LookupIPAddr(context.Background(), u.Hostname())
	if err != nil {
		return
	}
	for _, ip := range ips {
		if safenet.Internal(ip.IP) {
			http.Error(w, "internal address", http.StatusBadRequest)
			return
		}
	}
	resp, err := http.Get(target) // want: ssrf via=query guarded
	if err == nil {
		resp.Body.Close()
	}
}

// previewTimeout's dialer only bounds the time: any address is dialled.
func previewTimeout(w http.ResponseWriter, r *http.Request) {
	dialer := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 15 * time.Second}
	client := &http.Client{Transport: &http.Transport{DialContext: dialer.DialContext}}
	req, _ := http.NewRequest("GET", r.URL.Query().Get("url"), nil) // want: ssrf via=query
	resp, err := client.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}

// previewLogged notices a private address and dials it all the same.
func previewLogged(w http.ResponseWriter, r *http.Request) {
	dialer := &net.Dialer{}
	transport := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, _, _ := net.SplitHostPort(addr)
			if ip := net.ParseIP(host); ip != nil && ip.IsPrivate() {
				log.Printf("dialling a private address %s", host)
			}
			return dialer.DialContext(ctx, network, addr)
		},
	}
	client := &http.Client{Transport: transport}
	req, _ := http.NewRequest("GET", r.URL.Query().Get("url"), nil) // want: ssrf via=query
	resp, err := client.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}
