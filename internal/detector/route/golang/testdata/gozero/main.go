package main

import (
	"github.com/zeromicro/go-zero/rest"
)

type Config struct {
	rest.RestConf
	Auth struct{ AccessSecret string }
}

func main() {
	var c Config
	server := rest.MustNewServer(c.RestConf)
	defer server.Stop()
	RegisterHandlers(server, c)
	server.AddRoute(rest.Route{Method: "GET", Path: "/healthz", Handler: healthz}) // want: GET /healthz
	server.Start()
}
