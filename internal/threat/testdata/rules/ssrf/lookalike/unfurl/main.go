package main

import (
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"syscall"
	"time"
)

var errInternal = errors.New("refusing an internal address")

func main() {
	http.HandleFunc("/unfurl", unfurl)
	log.Fatal(http.ListenAndServe(":8080", nil))
}

// unfurl's dialer refuses a private, loopback or link-local address once
// DNS has answered, so neither a URL nor a name that resolves inside the
// network gets through.
func unfurl(w http.ResponseWriter, r *http.Request) {
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	dialer.Control = func(network, address string, c syscall.RawConn) error {
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return err
		}
		if ip := net.ParseIP(host); ip == nil || ip.IsPrivate() || ip.IsLoopback() || ip.IsLinkLocalUnicast() {
			return errInternal
		}
		return nil
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DialContext: dialer.DialContext}}
	req, err := http.NewRequest("GET", r.URL.Query().Get("url"), nil)
	if err != nil {
		http.Error(w, "bad url", http.StatusBadRequest)
		return
	}
	resp, err := client.Do(req)
	if err != nil {
		http.Error(w, "fetch failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, io.LimitReader(resp.Body, 4096))
}
