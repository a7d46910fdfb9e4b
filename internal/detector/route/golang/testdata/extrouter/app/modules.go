package app

import (
	"net/http"

	"example.com/tally/legacy"
	"example.com/tally/paths"
)

const readyPath = "/ready"

func (a *App) initIngest() error {
	push := http.HandlerFunc(a.push)
	a.Server.HTTP.Path(paths.Push).Methods("POST").Handler(push)         // want: POST /tally/api/v1/push
	a.Server.HTTP.Path(paths.Prefix + "/bulk").Methods(http.MethodPost). // want: POST /tally/api/v1/bulk
										Handler(push)
	a.Server.HTTP.Path("/ingest/ring").Methods("GET", "POST").HandlerFunc(a.ring) // want: GET /ingest/ring; POST /ingest/ring
	if a.Cfg.InternalServer.Enable {
		a.InternalServer.HTTP.Path("/ingest/ring").Methods("GET").HandlerFunc(a.ring) // same route, same fact
	}
	// The legacy constants sit in a file that never mentions net/http:
	// the scan reads it for its path constant all the same.
	a.Server.HTTP.Path(legacy.OldPush).Methods("POST").Handler(push) // want: POST /api/prom/push
	// a.Server.HTTP.Path("/ingest/flush").Methods("POST").Handler(push)
	return nil
}

func (a *App) initQuery() error {
	h := http.HandlerFunc(a.query)
	a.Server.HTTP.Path(paths.Query).Methods("GET", "POST").Handler(h)         // want: GET /tally/api/v1/query; POST /tally/api/v1/query
	a.Server.HTTP.Path(paths.Series).Name("series").Methods("GET").Handler(h) // want: GET /tally/api/v1/series/{name}
	a.Server.HTTP.Methods("POST").Path("/flush").Handler(h)                   // want: POST /flush
	return nil
}

func (a *App) initAdmin() error {
	a.Server.HTTP.PathPrefix("/admin").Subrouter().Path("/limits").Methods("GET").HandlerFunc(a.limits) // want: GET /admin/limits
	a.Server.HTTP.PathPrefix("/debug/").Handler(http.HandlerFunc(a.debug))                              // want: ANY /debug
	return nil
}

func (a *App) initHealth() error {
	a.Server.HTTP.Path(readyPath).HandlerFunc(a.ready)                                        // want: ANY /ready
	a.Server.HTTP.Path("/version").HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // want: ANY /version
		w.Write([]byte("1.0"))
	})
	// Lookalikes: the package's own probe builder has Path and Handler
	// methods, and a path that is not one, or not known, is no route.
	a.probe.Path("/healthz").Handler(a.onProbe)
	newProbe().Path("/livez").Handler(a.onProbe)
	a.Server.HTTP.Path("metrics").Handler(h404)
	a.Server.HTTP.Path(a.Cfg.Prefix).Handler(h404)
	a.Server.HTTP.Path("/docs").Name("docs")
	return nil
}

func (a *App) initOffline() error {
	// A client of another tally: it sends to these paths, serves none.
	req, err := http.NewRequest("POST", "http://tally-2"+paths.Push, nil)
	if err != nil {
		return err
	}
	if req.URL.Path == paths.Push {
		req.URL.Path = paths.Query
	}
	return nil
}

var h404 = http.NotFoundHandler()

// initMembers registers on the same field with Handle, which gorilla's
// Router has too: the chains above tell it is a gorilla router.
func (a *App) initMembers() error {
	a.Server.HTTP.Handle("/members", http.HandlerFunc(a.limits)) // want: ANY /members
	return nil
}

func (a *App) push(w http.ResponseWriter, r *http.Request)   {}
func (a *App) query(w http.ResponseWriter, r *http.Request)  {}
func (a *App) limits(w http.ResponseWriter, r *http.Request) {}
func (a *App) ready(w http.ResponseWriter, r *http.Request)  {}
func (a *App) debug(w http.ResponseWriter, r *http.Request)  {}
func (a *App) onProbe(ok bool)                               {}
