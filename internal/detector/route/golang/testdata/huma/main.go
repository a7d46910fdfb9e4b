package main

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/go-chi/chi/v5"
)

type NoteInput struct {
	ID string `path:"id"`
}

type NoteOutput struct {
	Body struct{ Text string }
}

func main() {
	router := chi.NewMux()
	api := humachi.New(router, huma.DefaultConfig("Notes", "1.0.0"))

	huma.Get(api, "/health", health) // want: GET /health
	huma.Register(api, huma.Operation{
		OperationID: "delete-note",
		Method:      http.MethodDelete,
		Path:        "/notes/{id}", // want: DELETE /notes/{id}
		Middlewares: huma.Middlewares{requireUser(api)},
	}, deleteNote)
	// Security only documents a requirement: nothing here enforces it.
	huma.Register(api, huma.Operation{
		OperationID: "get-note",
		Method:      http.MethodGet,
		Path:        "/notes/{id}", // want: GET /notes/{id}
		Security:    []map[string][]string{{"bearer": {}}},
	}, getNote)

	admin := huma.NewGroup(api, "/admin")
	admin.UseMiddleware(requireUser(api))
	huma.Post(admin, "/reindex", reindex) // want: POST /admin/reindex

	// A router built by a function held in a variable: its API is under
	// the router's prefix and middleware.
	mountAudit := func(r chi.Router) {
		r.Use(requireAuditKey)
		audit := humachi.New(r, huma.DefaultConfig("Audit", "1.0.0"))
		huma.Get(audit, "/events", listEvents) // want: GET /audit/events
	}
	router.Route("/audit", mountAudit)

	http.ListenAndServe(":8888", router)
}

// requireUser turns away a request without a bearer token.
func requireUser(api huma.API) func(ctx huma.Context, next func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		if ctx.Header("Authorization") == "" {
			huma.WriteErr(api, ctx, http.StatusUnauthorized, "sign in first")
			return
		}
		next(ctx)
	}
}

// requireAuditKey turns away a request without the audit key.
func requireAuditKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Audit-Key") == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func listEvents(ctx context.Context, in *struct{}) (*struct{}, error) { return nil, nil }

func health(ctx context.Context, in *struct{}) (*struct{}, error) { return nil, nil }

func getNote(ctx context.Context, in *NoteInput) (*NoteOutput, error) { return nil, nil }

func deleteNote(ctx context.Context, in *NoteInput) (*struct{}, error) { return nil, nil }

func reindex(ctx context.Context, in *struct{}) (*struct{}, error) { return nil, nil }
