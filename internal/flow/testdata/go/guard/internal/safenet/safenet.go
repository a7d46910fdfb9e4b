// Package safenet makes HTTP clients that only reach public addresses.
package safenet

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Internal says an address is not a public one.
func Internal(ip net.IP) bool {
	return ip == nil || ip.IsPrivate() || ip.IsLoopback() || ip.IsLinkLocalUnicast() || ip.IsUnspecified()
}

// Client dials only the first public address a host resolves to.
func Client(timeout time.Duration) *http.Client {
	dialer := &net.Dialer{Timeout: timeout}
	return &http.Client{Timeout: timeout, Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, port, err := net.SplitHostPort(addr)
			if err != nil {
				return nil, err
			}
			ips, err := net.LookupIP(host)
			if err != nil {
				return nil, err
			}
			var public net.IP
			for _, ip := range ips {
				if !Internal(ip) {
					public = ip
					break
				}
			}
			if public == nil {
				return nil, fmt.Errorf("%s resolves to no public address", host)
			}
			return dialer.DialContext(ctx, network, net.JoinHostPort(public.String(), port))
		},
	}}
}
