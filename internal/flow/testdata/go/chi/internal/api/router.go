package api

import (
	"database/sql"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"
)

type Handler struct{ db *sql.DB }

func NewRouter(db *sql.DB) http.Handler {
	h := &Handler{db: db}
	r := chi.NewRouter()
	r.Get("/orders/{id}", h.GetOrder)
	r.Get("/orders/{id}/int", h.GetOrderInt)
	r.Get("/orders/{id}/status", statusHandler(db))
	r.Get("/orders/{id}/prepared", h.GetOrderPrepared)
	return r
}

func (h *Handler) GetOrder(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	row := h.db.QueryRow(orderQuery(id)) // want: sql-injection via=param
	var total int
	row.Scan(&total)
}

// orderQuery builds the statement: the taint flows through its return.
func orderQuery(id string) string {
	return "SELECT total FROM orders WHERE id = " + id
}

// The id is parsed as a number first.
func (h *Handler) GetOrderInt(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(chi.URLParam(r, "id"))
	if err != nil {
		return
	}
	row := h.db.QueryRow("SELECT total FROM orders WHERE id = " + strconv.Itoa(id))
	var total int
	row.Scan(&total)
}

// A prepared statement: the id is a bound value.
func (h *Handler) GetOrderPrepared(w http.ResponseWriter, r *http.Request) {
	stmt, err := h.db.Prepare("SELECT total FROM orders WHERE id = ?")
	if err != nil {
		return
	}
	defer stmt.Close()
	var total int
	stmt.QueryRow(chi.URLParam(r, "id")).Scan(&total)
}

func statusHandler(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		status := r.URL.Query().Get("status")
		db.Exec("UPDATE orders SET status = '" + status + "' WHERE id = " + chi.URLParam(r, "id")) // want: sql-injection via=query
	}
}
