package tls

import (
	"net"

	"golang.org/x/crypto/acme/autocert"
)

func Manager(hosts ...string) *autocert.Manager {
	return &autocert.Manager{Prompt: autocert.AcceptTOS, HostPolicy: autocert.HostWhitelist(hosts...)}
}

func Listen(hosts ...string) net.Listener { return autocert.NewListener(hosts...) }
