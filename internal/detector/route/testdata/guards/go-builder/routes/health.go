package routes

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

type HealthHandler struct{}

func NewHealthHandler() *HealthHandler { return &HealthHandler{} }

func (h *HealthHandler) RegisterRoutes(router chi.Router) {
	router.Get("/health", h.Get) // want: GET /api/health auth=none
}

func (h *HealthHandler) Get(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }

// render shares its name with the login handler's.
func (h *HealthHandler) render(w http.ResponseWriter, msg string) { w.Write([]byte(msg)) }
