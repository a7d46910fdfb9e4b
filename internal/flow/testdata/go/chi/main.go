package main

import (
	"database/sql"
	"net/http"

	"example.com/orders/internal/api"
)

func main() {
	db, _ := sql.Open("sqlite", "orders.db")
	http.ListenAndServe(":3000", api.NewRouter(db))
}
