package main

import (
	"github.com/beego/beego/v2/client/httplib"
)

// Router here is the app's own table of upstream endpoints, not Beego's.
type upstream struct{ routes map[string]string }

func (u *upstream) Router(path string, target any, mapping string) {
	u.routes[path] = mapping
}

func proxies() {
	u := &upstream{routes: map[string]string{}}
	u.Router("/billing", &u, "get:Invoices")
	// Beego's HTTP client: a call out, not a route.
	req := httplib.Get("http://billing.internal/api/invoices")
	_, _ = req.String()
}
