// Package app wires the tally services onto the HTTP server that the kit
// module builds: the router is kit's, so nothing here imports a router.
package app

import (
	"net/http"

	"example.com/kit/server"
)

type Config struct {
	InternalServer struct{ Enable bool }
	Prefix         string
}

type App struct {
	Cfg            Config
	Server         *server.Server
	InternalServer *server.Server
	inits          map[string]func() error
	probe          *probe
}

func New(cfg Config) (*App, error) {
	a := &App{Cfg: cfg}
	a.inits = map[string]func() error{
		"ingest":  a.initIngest,
		"query":   a.initQuery,
		"admin":   a.initAdmin,
		"health":  a.initHealth,
		"offline": a.initOffline,
	}
	return a, nil
}

func (a *App) Run() error {
	for _, init := range a.inits {
		if err := init(); err != nil {
			return err
		}
	}
	return a.Server.Run()
}

func (a *App) ring(w http.ResponseWriter, r *http.Request) {}
