// Package check runs health checks against peers with a builder from
// another module whose Path and Handler read like a gorilla/mux route:
// the handler it is given, which takes no request, is why it is no route.
package check

import (
	"net/http"

	"example.com/kit/probes"
)

type Checker struct {
	cfg    struct{ Probe *probes.Builder }
	client *http.Client
}

func (c *Checker) Start() {
	c.cfg.Probe.Path("/peer/ready").Handler(c.report)
	c.cfg.Probe.Path("/peer/live").Handler(func(ok bool) {})
}

func (c *Checker) report(ok bool) {}
