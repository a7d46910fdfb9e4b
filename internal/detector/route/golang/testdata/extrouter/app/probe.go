package app

import (
	"net/http"
	"time"
)

// probe checks another service's health endpoint: a client that happens
// to have Path and Handler methods, like a gorilla/mux route.
type probe struct {
	client *http.Client
	path   string
	onDone func(ok bool)
}

func newProbe() *probe {
	return &probe{client: &http.Client{Timeout: 2 * time.Second}}
}

func (p *probe) Path(s string) *probe { p.path = s; return p }

func (p *probe) Handler(f func(ok bool)) *probe { p.onDone = f; return p }
