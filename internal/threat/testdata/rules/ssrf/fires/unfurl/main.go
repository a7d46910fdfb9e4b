package main

import (
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"time"
)

func main() {
	http.HandleFunc("/unfurl", unfurl)
	http.HandleFunc("/unfurl/noted", unfurlNoted)
	log.Fatal(http.ListenAndServe(":8080", nil))
}

// unfurl's dialer only bounds the time: any address is dialled.
func unfurl(w http.ResponseWriter, r *http.Request) {
	dialer := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 15 * time.Second}
	client := &http.Client{Transport: &http.Transport{DialContext: dialer.DialContext}}
	req, err := http.NewRequest("GET", r.URL.Query().Get("url"), nil)
	if err != nil {
		return
	}
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, io.LimitReader(resp.Body, 4096))
}

// unfurlNoted notices a private address and dials it all the same.
func unfurlNoted(w http.ResponseWriter, r *http.Request) {
	dialer := &net.Dialer{}
	client := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, _, _ := net.SplitHostPort(addr)
			if ip := net.ParseIP(host); ip != nil && ip.IsPrivate() {
				log.Printf("dialling a private address %s", host)
			}
			return dialer.DialContext(ctx, network, addr)
		},
	}}
	req, err := http.NewRequest("GET", r.URL.Query().Get("target"), nil)
	if err != nil {
		return
	}
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	resp.Body.Close()
}
